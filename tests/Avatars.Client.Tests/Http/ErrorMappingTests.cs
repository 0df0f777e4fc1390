using System.Net;
using Avatars.Client.Http;

namespace Avatars.Client.Tests.Http;

/// <summary>sdk.md §5.4: Python <c>raise_on_status</c> messages.</summary>
public sealed class ErrorMappingTests
{
    private static async Task<AvatarsApiException> FailingHealthAsync(HttpResponseMessage response)
    {
        using var client = TestClients.Create(new StubHandler((_, _) => response));
        return await Assert.ThrowsAsync<AvatarsApiException>(() => client.Health.GetHealthAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_json_object_without_message_is_an_internal_error_with_its_python_repr()
    {
        var error = await FailingHealthAsync(StubHandler.Json(HttpStatusCode.InternalServerError, """{"whatever": "a json error"}"""));
        Assert.Equal("Got error in HTTP request: get /health. Error status 500 - Internal error: {'whatever': 'a json error'}", error.Message);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("GET", error.Method);
        Assert.Equal("/health", error.RequestPath);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public async Task The_python_repr_renders_nested_values_as_python_does()
    {
        var error = await FailingHealthAsync(StubHandler.Json(
            HttpStatusCode.BadRequest,
            """{"a": [1, 2.5, true, false, null, 1e-05], "b": "it's", "c": {"d": "x\ny"}}"""));
        Assert.Equal(
            """Internal error: {'a': [1, 2.5, True, False, None, 1e-05], 'b': "it's", 'c': {'d': 'x\ny'}}""",
            error.ServerMessage);
    }

    [Fact]
    public async Task Detail_message_code_and_request_id_are_carried()
    {
        var error = await FailingHealthAsync(StubHandler.Json(
            HttpStatusCode.Conflict,
            """{"detail":{"message":"job is not finished (status: running)","code":"job_not_finished"}}""",
            ("X-Request-Id", "req-42")));
        Assert.Equal("Got error in HTTP request: get /health. Error status 409 - job is not finished (status: running)", error.Message);
        Assert.Equal("job is not finished (status: running)", error.ServerMessage);
        Assert.Equal("job_not_finished", error.ErrorCode);
        Assert.Equal("req-42", error.RequestId);
    }

    [Fact]
    public async Task A_fastapi_validation_error_gives_msg_and_the_last_loc()
    {
        var error = await FailingHealthAsync(StubHandler.Json(
            HttpStatusCode.UnprocessableEntity,
            """{"detail":[{"loc":["body","k"],"msg":"field required","type":"value_error.missing"}]}"""));
        Assert.Equal("Got error in HTTP request: get /health. Error status 422 - field required: k", error.Message);
    }

    [Fact]
    public async Task A_msg_without_loc_is_a_bad_request()
    {
        var error = await FailingHealthAsync(StubHandler.Json(HttpStatusCode.BadRequest, """{"detail":[{"msg":"bad value"}]}"""));
        Assert.Equal("Bad Request: bad value", error.ServerMessage);
    }

    [Fact]
    public async Task Text_and_empty_bodies()
    {
        var text = await FailingHealthAsync(StubHandler.Text(HttpStatusCode.BadGateway, "upstream down"));
        Assert.Equal("Got error in HTTP request: get /health. Error status 502 - upstream down", text.Message);

        var empty = await FailingHealthAsync(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        Assert.Equal("Got error in HTTP request: get /health. Error status 503 - no message available", empty.Message);

        var list = await FailingHealthAsync(StubHandler.Json(HttpStatusCode.BadRequest, """["a", "b"]"""));
        Assert.Equal("""["a", "b"]""", list.ServerMessage);
    }

    [Fact]
    public async Task A_401_not_authenticated_detail_is_raised_as_is()
    {
        var error = await FailingHealthAsync(StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"Not authenticated"}"""));
        Assert.Equal("You are not authenticated.", error.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public void A_failed_job_names_its_kind_and_exception()
    {
        var error = new AvatarsJobFailedException(Models.JobKind.SignalMetrics, "j1", Models.JobStatus.Error, "boom");
        Assert.Equal("Job signal_metrics failed with exception: boom", error.Message);
        Assert.Equal("internal error", new AvatarsJobFailedException(Models.JobKind.Standard, "j1", Models.JobStatus.ParentError, string.Empty).Message);
        Assert.True(error.Status.IsFailure);
    }
}
