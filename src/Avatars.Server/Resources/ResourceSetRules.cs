using Avatars.Data;
using Avatars.Config;
using Avatars.Server.Api;

namespace Avatars.Server.Resources;

/// <summary>
/// The server's own rules on a parsed resource set (api.md §17.2) beyond what <see cref="ResourceSet.Validate"/>
/// checks: names, document counts, table names, volumes, report and advice options.
/// Upload existence (rule 5, 8) is checked by <see cref="ResourceSetService"/>, which has the storage.
/// </summary>
internal static class ResourceSetRules
{
    public static List<ValidationIssue> Check(ResourceSet set)
    {
        var issues = new List<ValidationIssue>();
        void Add(int document, string path, string message, string type) =>
            issues.Add(new ValidationIssue([.. new object[] { "body", document }.Concat(ConfigIssues.PathSegments(path))], message, type));

        var parameterNames = new HashSet<string>(StringComparer.Ordinal);
        var metadataCount = 0;
        for (var i = 0; i < set.Documents.Count; i++)
        {
            var doc = set.Documents[i];
            if (doc.Name.Length is 0 or > 255 || doc.Name.Any(char.IsControl))
            {
                Add(i, "metadata.name", $"{doc.Kind} document name must be 1–255 characters without control characters", "value_error");
            }

            if (JobKindOf(doc) && !parameterNames.Add(doc.Name))
            {
                Add(i, "metadata.name", $"parameters name '{doc.Name}' is used by two parameters documents; jobs name their parameters document by this name, so it must be unique", "duplicate");
            }

            switch (doc)
            {
                case AvatarMetadata:
                    if (++metadataCount == 2)
                    {
                        Add(i, "kind", "at most one AvatarMetadata document is allowed", "duplicate");
                    }

                    break;
                case AvatarSchema schema:
                    CheckSchema(schema, i, Add);
                    break;
                case ParametersDocument parameters:
                    var spec = parameters.Spec;
                    if (spec.Results?.MaxDistributionPlots is < 0)
                    {
                        Add(i, "spec.results.max_distribution_plots", "max_distribution_plots must be at least 0", "value_error");
                    }

                    if (spec.Seed is < 0)
                    {
                        Add(i, "spec.seed", "seed must be at least 0", "value_error");
                    }

                    break;
                case AvatarReportParameters report:
                    if (report.ReportType != ReportType.Basic)
                    {
                        Add(i, "spec.report_type", $"report_type '{WireValues.ToWire(report.ReportType)}' is not supported by this server; use 'basic'", "not_supported");
                    }

                    if (report.OutputFormat is OutputFormat.Docx)
                    {
                        Add(i, "spec.output_format", "output_format 'docx' is not supported by this server; use 'pdf' or 'html'", "not_supported");
                    }

                    break;
                case AvatarAdviceParameters advice:
                    if (advice.AdvisorType.Count == 0)
                    {
                        Add(i, "spec.advice.advisor_type", "advisor_type must list at least one advisor ('parameters')", "missing");
                    }

                    foreach (var type in advice.AdvisorType.Where(t => t != AdviceType.Parameters).Distinct())
                    {
                        Add(i, "spec.advice.advisor_type", $"advisor '{WireValues.ToWire(type)}' is not supported by this server; only 'parameters' is", "not_supported");
                    }

                    break;
            }
        }

        if (!set.Documents.OfType<AvatarSchema>().Any(s => s.SchemaRef is null))
        {
            issues.Add(new ValidationIssue(["body"], "the resource set has no original AvatarSchema document (one with spec.tables[].data.file)", "missing"));
        }

        if (!set.Documents.Any(JobKindOf))
        {
            issues.Add(new ValidationIssue(["body"], "the resource set has no parameters document (AvatarParameters, AvatarPrivacyMetricsParameters, AvatarSignalMetricsParameters, AvatarReportParameters or AvatarAdviceParameters): there is nothing to run", "missing"));
        }

        return issues;
    }

    /// <summary>
    /// Fields the set may carry that this server accepts but does not use (sdk.md §18: never a silent drop): they are
    /// reported as <c>not_implemented</c> warnings in the PUT response.
    /// </summary>
    public static List<ValidationIssue> UnusedFields(ResourceSet set)
    {
        var warnings = new List<ValidationIssue>();
        for (var i = 0; i < set.Documents.Count; i++)
        {
            if (set.Documents[i] is not ParametersDocument { Spec: var spec })
            {
                continue;
            }

            foreach (var (table, privacy) in spec.PrivacyMetrics ?? [])
            {
                if (privacy.QuantileThreshold is not null)
                {
                    warnings.Add(new ValidationIssue(["body", i, "spec", "privacy_metrics", table, "quantile_threshold"],
                        $"quantile_threshold (table '{table}') is accepted but not used by this server version: the privacy metrics are computed without it", "not_implemented"));
                }
            }

            foreach (var (section, tables) in ImputationSections(spec))
            {
                foreach (var (table, parameters) in tables)
                {
                    if (parameters.Imputation?.ReturnDataImputed is not null)
                    {
                        warnings.Add(new ValidationIssue(["body", i, "spec", section, table, "imputation", "return_data_imputed"],
                            $"imputation.return_data_imputed (table '{table}') is accepted but not used by this server version: the avatars never carry imputed originals", "not_implemented"));
                    }
                }
            }
        }

        return warnings;
    }

    private static IEnumerable<(string Section, IEnumerable<KeyValuePair<string, TableParametersBase>> Tables)> ImputationSections(ParametersSpec spec)
    {
        yield return ("avatarization", (spec.Avatarization ?? []).Select(p => KeyValuePair.Create(p.Key, (TableParametersBase)p.Value)));
        yield return ("avatarization_dp", (spec.AvatarizationDp ?? []).Select(p => KeyValuePair.Create(p.Key, (TableParametersBase)p.Value)));
        yield return ("privacy_metrics", (spec.PrivacyMetrics ?? []).Select(p => KeyValuePair.Create(p.Key, (TableParametersBase)p.Value)));
        yield return ("signal_metrics", (spec.SignalMetrics ?? []).Select(p => KeyValuePair.Create(p.Key, (TableParametersBase)p.Value)));
    }

    private static bool JobKindOf(ResourceDocument doc) => Jobs.JobWireNames.KindOf(doc) is not null;

    private static void CheckSchema(AvatarSchema schema, int i, Action<int, string, string, string> add)
    {
        if (schema.Tables.Count == 0)
        {
            add(i, "spec.tables", $"schema '{schema.Name}' has no table", "missing");
        }

        for (var t = 0; t < schema.Tables.Count; t++)
        {
            var table = schema.Tables[t];
            var path = $"spec.tables.{t}";
            if (table.Name.Length is 0 or > 100 || table.Name.Any(char.IsControl))
            {
                add(i, path + ".name", "table names must be 1–100 characters without control characters", "value_error");
            }
            else if (!TableNameEscaping.RoundTrips(table.Name))
            {
                add(i, path + ".name", $"table name '{table.Name}' cannot be used in result file names: its escaped form '{TableNameEscaping.Escape(table.Name)}' does not read back as the same name (avoid '_dot_', '_slash_', '_ampersand_', '_plus_' next to '.', '/', '&', '+')", "value_error");
            }
            else if (System.Text.Encoding.UTF8.GetByteCount(TableNameEscaping.Escape(table.Name)) > 200)
            {
                add(i, path + ".name", $"table name '{table.Name}' is too long once escaped for file names (more than 200 bytes)", "value_error");
            }

            if (schema.SchemaRef is null && string.IsNullOrEmpty(table.Data?.File))
            {
                add(i, path + ".data.file", $"table '{table.Name}' needs data.file: the name of an uploaded file (POST /api/upload_url)", "missing");
            }

            foreach (var (location, where) in new[] { (table.Data, "data"), (table.AvatarsData, "avatars_data") })
            {
                if (location?.Volume is { Length: > 0 } volume && volume != "input")
                {
                    add(i, $"{path}.{where}.volume", $"volume '{volume}' is not available on this server; files come from your upload area: use volume 'input' or leave it out", "value_error");
                }
            }
        }
    }
}
