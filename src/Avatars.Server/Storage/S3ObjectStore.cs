using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Avatars.Server.Hosting;
using Microsoft.Net.Http.Headers;

namespace Avatars.Server.Storage;

/// <summary>
/// The <c>s3</c> backend (api.md §16.4): any S3-compatible service, object key = <see cref="S3StorageOptions.Prefix"/>
/// + storage key. Uploads stream (non-seekable input is spooled to a temporary file first, never to memory; large
/// objects go multipart); URLs are SigV4 pre-signed for <see cref="S3StorageOptions.PublicServiceUrl"/>.
/// Request checksums are computed only when an operation requires them, so older S3-compatible servers work.
/// </summary>
internal sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private const int DeleteBatchSize = 1000;

    private readonly AmazonS3Client client;
    private readonly AmazonS3Client signingClient;
    private readonly string bucket;
    private readonly string prefix;
    private readonly bool publicHttp;

    /// <summary>Creates the store and its clients (one for the server endpoint, one for the public endpoint of URLs).</summary>
    public S3ObjectStore(S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        bucket = !string.IsNullOrWhiteSpace(options.Bucket) ? options.Bucket : throw new ArgumentException("the S3 bucket is required", nameof(options));
        prefix = options.Prefix ?? string.Empty;
        var credentials = !string.IsNullOrEmpty(options.AccessKeyId)
            ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey ?? string.Empty)
            : null;
        client = CreateClient(options, options.ServiceUrl, credentials);
        var publicUrl = string.IsNullOrWhiteSpace(options.PublicServiceUrl) ? options.ServiceUrl : options.PublicServiceUrl;
        signingClient = string.Equals(publicUrl, options.ServiceUrl, StringComparison.Ordinal)
            ? client
            : CreateClient(options, publicUrl, credentials);
        publicHttp = publicUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>Objects at least this large are uploaded in parts.</summary>
    public long MultipartThreshold { get; init; } = 64L << 20;

    /// <summary>Part size of multipart uploads (S3 requires at least 5 MiB).</summary>
    public long PartSize { get; init; } = 16L << 20;

    /// <inheritdoc />
    public async Task<StoredObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = prefix + key }, cancellationToken);
            return new StoredObjectInfo(key, metadata.ContentLength, ToUtc(metadata.LastModified), metadata.ETag);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = prefix + key }, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new StorageObjectNotFoundException(key);
        }
    }

    /// <inheritdoc />
    public async Task<StoredObjectInfo> WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek && content.Position == 0)
        {
            await UploadAsync(key, content, cancellationToken);
        }
        else
        {
            var spool = Path.Join(Path.GetTempPath(), "avatars-s3-" + Guid.NewGuid().ToString("N"));
            await using var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await content.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            await UploadAsync(key, file, cancellationToken);
        }

        return await GetInfoAsync(key, cancellationToken)
            ?? throw new IOException($"the object '{key}' was not found right after it was written");
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = prefix + key }, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    /// <inheritdoc />
    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length < 2 || !prefix.EndsWith('/'))
        {
            throw new ArgumentException("a prefix is one or more key segments followed by '/'", nameof(prefix));
        }

        var batch = new List<KeyVersion>(DeleteBatchSize);
        await foreach (var item in ListAsync(prefix, cancellationToken))
        {
            batch.Add(new KeyVersion { Key = this.prefix + item.Key });
            if (batch.Count == DeleteBatchSize)
            {
                await DeleteBatchAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await DeleteBatchAsync(batch, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = this.prefix + prefix };
        while (true)
        {
            var response = await client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                if (item.Key is { } objectKey && objectKey.StartsWith(this.prefix, StringComparison.Ordinal))
                {
                    yield return new StoredObjectInfo(objectKey[this.prefix.Length..], item.Size ?? 0, ToUtc(item.LastModified), item.ETag);
                }
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    /// <inheritdoc />
    public Uri CreateSignedUrl(string key, SignedUrlMethod method, DateTimeOffset expiresAt, Uri publicBaseUrl, string? downloadFileName = null)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = prefix + key,
            Verb = method == SignedUrlMethod.Put ? HttpVerb.PUT : HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = publicHttp ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (method == SignedUrlMethod.Get)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(downloadFileName ?? StorageContentTypes.FileNameOf(key));
            request.ResponseHeaderOverrides.ContentDisposition = disposition.ToString();
            request.ResponseHeaderOverrides.ContentType = StorageContentTypes.For(downloadFileName ?? key);
        }

        return new Uri(signingClient.GetPreSignedURL(request), UriKind.Absolute);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!ReferenceEquals(signingClient, client))
        {
            signingClient.Dispose();
        }

        client.Dispose();
    }

    private async Task UploadAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var length = content.Length - content.Position;
        if (length < MultipartThreshold)
        {
            await client.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = prefix + key,
                    InputStream = content,
                    AutoCloseStream = false,
                    AutoResetStreamPosition = false,
                    UseChunkEncoding = false,
                    ContentType = StorageContentTypes.For(key),
                },
                cancellationToken);
            return;
        }

        await UploadInPartsAsync(key, content, length, cancellationToken);
    }

    /// <summary>Multipart upload, parts read one at a time from the (seekable) stream; aborted on failure.</summary>
    private async Task UploadInPartsAsync(string key, Stream content, long length, CancellationToken cancellationToken)
    {
        var start = await client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = prefix + key, ContentType = StorageContentTypes.For(key) },
            cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            var offset = content.Position;
            var end = offset + length;
            for (var number = 1; offset < end; number++)
            {
                var size = Math.Min(PartSize, end - offset);
                content.Position = offset;
                var part = await client.UploadPartAsync(
                    new UploadPartRequest
                    {
                        BucketName = bucket,
                        Key = prefix + key,
                        UploadId = start.UploadId,
                        PartNumber = number,
                        PartSize = size,
                        InputStream = content,
                        IsLastPart = offset + size == end,
                        UseChunkEncoding = false,
                    },
                    cancellationToken);
                parts.Add(new PartETag(number, part.ETag));
                offset += size;
            }

            await client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = bucket, Key = prefix + key, UploadId = start.UploadId, PartETags = parts },
                cancellationToken);
        }
        catch
        {
            try
            {
                await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = prefix + key, UploadId = start.UploadId }, CancellationToken.None);
            }
            catch (AmazonServiceException)
            {
                // The upload expires by the bucket's lifecycle rules; the original error matters.
            }

            throw;
        }
    }

    private async Task DeleteBatchAsync(List<KeyVersion> batch, CancellationToken cancellationToken)
    {
        var response = await client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = [.. batch], Quiet = true }, cancellationToken);
        if (response.DeleteErrors is { Count: > 0 } errors)
        {
            throw new IOException($"S3 refused to delete {errors.Count} object(s), e.g. '{errors[0].Key}': {errors[0].Code}");
        }
    }

    private static AmazonS3Client CreateClient(S3StorageOptions options, string? serviceUrl, AWSCredentials? credentials)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(serviceUrl))
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    private static DateTimeOffset ToUtc(DateTime? time) =>
        time is { } value ? new DateTimeOffset(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime()) : DateTimeOffset.MinValue;
}
