using System.Globalization;
using System.Text.RegularExpressions;
using Avatars.Data;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Avatars.Config;

/// <summary>Structural reading of the YAML tree into the model, collecting every error with its path and line.</summary>
internal sealed partial class ResourceSetReader
{
    private readonly List<ConfigError> _errors = [];
    private readonly bool _ignoreUnknown;
    private int _doc = -1;
    private string? _kind;
    private string? _name;

    public ResourceSetReader(ResourceSetParseOptions? options = null) =>
        _ignoreUnknown = (options ?? ResourceSetParseOptions.Strict).IgnoreUnknown;

    public IReadOnlyList<ConfigError> Errors => _errors;

    public ResourceSet Read(TextReader text)
    {
        var set = new ResourceSet();
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException ex)
        {
            _errors.Add(new ConfigError(-1, null, null, string.Empty, "invalid YAML: " + (ex.InnerException?.Message ?? ex.Message),
                (int)ex.Start.Line, (int)ex.Start.Column));
            return set;
        }

        var index = 0;
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" } && IsNullScalar(document.RootNode))
            {
                continue; // empty document (e.g. a trailing ---)
            }

            _doc = index++;
            _kind = null;
            _name = null;
            var parsed = ReadDocument(document.RootNode);
            if (parsed is not null)
            {
                set.Documents.Add(parsed);
            }
        }

        return set;
    }

    private ResourceDocument? ReadDocument(YamlNode root)
    {
        if (root is not YamlMappingNode map)
        {
            Error(root, string.Empty, "expected a mapping (a document with kind, metadata and spec), got " + Describe(root));
            return null;
        }

        var kindNode = Child(map, "kind");
        var metadataNode = Child(map, "metadata");
        if (metadataNode is YamlMappingNode metadataMap)
        {
            var nameNode = Child(metadataMap, "name");
            if (nameNode is YamlScalarNode { Value: not null } n && !IsNullScalar(n))
            {
                _name = n.Value;
            }
        }

        if (kindNode is null)
        {
            Error(map, "kind", "required field is missing");
            return null;
        }

        var kindText = String(kindNode, "kind");
        if (kindText is null)
        {
            return null;
        }

        if (!WireValues.TryParse<ModelKind>(kindText, out var kind))
        {
            if (_ignoreUnknown)
            {
                return null;
            }

            Error(kindNode, "kind", $"unknown kind \"{kindText}\"; expected one of {string.Join(", ", WireValues.All<ModelKind>())}");
            return null;
        }

        _kind = kindText;
        var top = Fields(map, string.Empty, kind == ModelKind.AvatarMetadata
            ? ["kind", "metadata", "spec", "annotations"]
            : ["kind", "metadata", "spec"]);
        var name = ReadMetadata(top, map);
        var spec = RequiredMap(top, map, "spec", "spec");
        ResourceDocument? doc = kind switch
        {
            ModelKind.AvatarMetadata => ReadMetadataDoc(spec, top),
            ModelKind.AvatarVolume => ReadVolume(spec),
            ModelKind.AvatarSchema => ReadSchema(spec),
            ModelKind.AvatarParameters => new AvatarParameters { Spec = ReadParametersSpec(spec) },
            ModelKind.AvatarPrivacyMetricsParameters => new AvatarPrivacyMetricsParameters { Spec = ReadParametersSpec(spec) },
            ModelKind.AvatarSignalMetricsParameters => new AvatarSignalMetricsParameters { Spec = ReadParametersSpec(spec) },
            ModelKind.AvatarReportParameters => ReadReport(spec),
            ModelKind.AvatarAdviceParameters => ReadAdvice(spec),
            _ => null,
        };
        if (doc is not null)
        {
            doc.Name = name ?? string.Empty;
        }

        return doc;
    }

    private string? ReadMetadata(Dictionary<string, YamlNode> top, YamlMappingNode map)
    {
        var metadata = RequiredMap(top, map, "metadata", "metadata");
        if (metadata is null)
        {
            return null;
        }

        var f = Fields(metadata, "metadata", ["name"]);
        return RequiredString(f, metadata, "name", "metadata.name");
    }

    private AvatarMetadata ReadMetadataDoc(YamlMappingNode? spec, Dictionary<string, YamlNode> top)
    {
        var doc = new AvatarMetadata();
        if (spec is not null)
        {
            var f = Fields(spec, "spec", ["display_name", "pia_metadata"]);
            doc.DisplayName = RequiredString(f, spec, "display_name", "spec.display_name") ?? string.Empty;
            if (OptionalMap(f, "pia_metadata", "spec.pia_metadata") is { } pia)
            {
                var p = Fields(pia, "spec.pia_metadata", ["datarecipient", "data_type", "datasubject", "sensitivity_level"]);
                doc.PiaMetadata = new PiaMetadata
                {
                    DataRecipient = OptString(p, "datarecipient", "spec.pia_metadata.datarecipient"),
                    DataType = OptString(p, "data_type", "spec.pia_metadata.data_type"),
                    DataSubject = OptString(p, "datasubject", "spec.pia_metadata.datasubject"),
                    SensitivityLevel = OptString(p, "sensitivity_level", "spec.pia_metadata.sensitivity_level"),
                };
            }
        }

        if (OptionalMap(top, "annotations", "annotations") is { } annotations)
        {
            doc.Annotations = [];
            foreach (var (key, value) in Entries(annotations, "annotations"))
            {
                doc.Annotations[key] = String(value, "annotations." + key) ?? string.Empty;
            }
        }

        return doc;
    }

    private AvatarVolume ReadVolume(YamlMappingNode? spec)
    {
        var doc = new AvatarVolume();
        if (spec is not null)
        {
            var f = Fields(spec, "spec", ["url"]);
            doc.Url = RequiredString(f, spec, "url", "spec.url") ?? string.Empty;
        }

        return doc;
    }

    private AvatarSchema ReadSchema(YamlMappingNode? spec)
    {
        var doc = new AvatarSchema();
        if (spec is null)
        {
            return doc;
        }

        var f = Fields(spec, "spec", ["tables", "schema_ref"]);
        doc.SchemaRef = OptString(f, "schema_ref", "spec.schema_ref");
        if (!f.TryGetValue("tables", out var tablesNode))
        {
            Error(spec, "spec.tables", "required field is missing");
            return doc;
        }

        var i = 0;
        foreach (var item in Sequence(tablesNode, "spec.tables"))
        {
            var path = $"spec.tables[{i++}]";
            if (Map(item, path) is { } table)
            {
                doc.Tables.Add(ReadTable(table, path));
            }
        }

        return doc;
    }

    private TableInfo ReadTable(YamlMappingNode map, string path)
    {
        var f = Fields(map, path, ["name", "data", "individual_level", "avatars_data", "columns", "links"]);
        var table = new TableInfo
        {
            Name = RequiredString(f, map, "name", path + ".name") ?? string.Empty,
            Data = ReadLocation(f, "data", path),
            IndividualLevel = OptBool(f, "individual_level", path + ".individual_level"),
            AvatarsData = ReadLocation(f, "avatars_data", path),
        };
        if (table.Name.Length > 0)
        {
            path = $"spec.tables[{table.Name}]";
        }

        if (f.TryGetValue("columns", out var columns) && !IsNullScalar(columns))
        {
            table.Columns = [];
            var i = 0;
            foreach (var item in Sequence(columns, path + ".columns"))
            {
                var cpath = $"{path}.columns[{i++}]";
                if (Map(item, cpath) is not { } c)
                {
                    continue;
                }

                var cf = Fields(c, cpath, ["field", "type", "value_type", "identifier", "primary_key", "time_series_time"]);
                table.Columns.Add(new ColumnInfo
                {
                    Field = RequiredString(cf, c, "field", cpath + ".field") ?? string.Empty,
                    Type = OptEnum<ColumnType>(cf, "type", cpath + ".type"),
                    ValueType = OptString(cf, "value_type", cpath + ".value_type"),
                    Identifier = OptBool(cf, "identifier", cpath + ".identifier"),
                    PrimaryKey = OptBool(cf, "primary_key", cpath + ".primary_key"),
                    TimeSeriesTime = OptBool(cf, "time_series_time", cpath + ".time_series_time"),
                });
            }
        }

        if (f.TryGetValue("links", out var links) && !IsNullScalar(links))
        {
            table.Links = [];
            var i = 0;
            foreach (var item in Sequence(links, path + ".links"))
            {
                var lpath = $"{path}.links[{i++}]";
                if (Map(item, lpath) is not { } l)
                {
                    continue;
                }

                var lf = Fields(l, lpath, ["field", "to", "method"]);
                var link = new TableLinkInfo
                {
                    Field = RequiredString(lf, l, "field", lpath + ".field") ?? string.Empty,
                    Method = OptEnum<LinkMethod>(lf, "method", lpath + ".method") ?? LinkMethod.LinearSumAssignment,
                };
                if (RequiredMap(lf, l, "to", lpath + ".to") is { } to)
                {
                    var tf = Fields(to, lpath + ".to", ["table", "field"]);
                    link.ToTable = RequiredString(tf, to, "table", lpath + ".to.table") ?? string.Empty;
                    link.ToField = RequiredString(tf, to, "field", lpath + ".to.field") ?? string.Empty;
                }

                table.Links.Add(link);
            }
        }

        return table;
    }

    private DataLocation? ReadLocation(Dictionary<string, YamlNode> f, string key, string parent)
    {
        var path = parent + "." + key;
        if (OptionalMap(f, key, path) is not { } map)
        {
            return null;
        }

        var lf = Fields(map, path, ["volume", "file", "auto"]);
        return new DataLocation
        {
            Volume = OptString(lf, "volume", path + ".volume"),
            File = OptString(lf, "file", path + ".file"),
            Auto = OptBool(lf, "auto", path + ".auto"),
        };
    }

    private ParametersSpec ReadParametersSpec(YamlMappingNode? spec)
    {
        var result = new ParametersSpec();
        if (spec is null)
        {
            return result;
        }

        var f = Fields(spec, "spec",
        [
            "schema", "avatarization", "avatarization_dp", "avatarization_ref", "time_series", "time_series_ref",
            "privacy_metrics", "signal_metrics", "results", "seed",
        ]);
        result.Schema = RequiredString(f, spec, "schema", "spec.schema") ?? string.Empty;
        result.Avatarization = PerTable(f, "avatarization", ReadAvatarization);
        result.AvatarizationDp = PerTable(f, "avatarization_dp", ReadAvatarizationDp);
        result.AvatarizationRef = OptString(f, "avatarization_ref", "spec.avatarization_ref");
        result.TimeSeries = PerTable(f, "time_series", ReadTimeSeries);
        result.TimeSeriesRef = OptString(f, "time_series_ref", "spec.time_series_ref");
        result.PrivacyMetrics = PerTable(f, "privacy_metrics", ReadPrivacy);
        result.SignalMetrics = PerTable(f, "signal_metrics", ReadSignal);
        result.Results = ReadResults(f, "results", "spec.results");
        result.Seed = OptLong(f, "seed", "spec.seed");
        return result;
    }

    private OrderedDictionary<string, T>? PerTable<T>(
        Dictionary<string, YamlNode> f, string key, Func<Dictionary<string, YamlNode>, string, T> read)
        where T : class
    {
        var path = "spec." + key;
        if (OptionalMap(f, key, path) is not { } map)
        {
            return null;
        }

        var result = new OrderedDictionary<string, T>();
        foreach (var (table, node) in Entries(map, path))
        {
            var tpath = path + "." + table;
            Dictionary<string, YamlNode> fields;
            if (IsNullScalar(node))
            {
                fields = [];
            }
            else if (Map(node, tpath) is { } tm)
            {
                fields = Fields(tm, tpath, KnownKeys[key]);
            }
            else
            {
                continue;
            }

            result[table] = read(fields, tpath);
        }

        return result;
    }

    private static readonly Dictionary<string, string[]> KnownKeys = new()
    {
        ["avatarization"] =
        [
            "k", "ncp", "use_categorical_reduction", "column_weights", "exclude_variables", "imputation", "data_augmentation",
        ],
        ["avatarization_dp"] =
        [
            "epsilon", "preprocess_budget_ratio", "ncp", "use_categorical_reduction", "column_weights", "exclude_variables",
            "imputation", "data_augmentation", "bounds",
        ],
        ["time_series"] = ["projection", "alignment"],
        ["privacy_metrics"] =
        [
            "ncp", "use_categorical_reduction", "known_variables", "target", "closest_rate_percentage_threshold",
            "closest_rate_ratio_threshold", "categorical_hidden_rate_variables", "quantile_threshold", "imputation",
            "exclude_variables", "column_weights",
        ],
        ["signal_metrics"] = ["ncp", "use_categorical_reduction", "imputation", "column_weights", "exclude_variables"],
    };

    private void ReadCommon(TableParametersBase p, Dictionary<string, YamlNode> f, string path)
    {
        p.Ncp = OptInt(f, "ncp", path + ".ncp");
        p.UseCategoricalReduction = OptBool(f, "use_categorical_reduction", path + ".use_categorical_reduction");
        p.ColumnWeights = NumberMap(f, "column_weights", path + ".column_weights");
        p.ExcludeVariables = ReadExclude(f, path + ".exclude_variables");
        p.Imputation = ReadImputation(f, path + ".imputation");
    }

    private AvatarizationParameters ReadAvatarization(Dictionary<string, YamlNode> f, string path)
    {
        var p = new AvatarizationParameters { K = OptInt(f, "k", path + ".k") };
        ReadCommon(p, f, path);
        p.DataAugmentation = ReadAugmentation(f, path + ".data_augmentation");
        return p;
    }

    private AvatarizationDpParameters ReadAvatarizationDp(Dictionary<string, YamlNode> f, string path)
    {
        var p = new AvatarizationDpParameters
        {
            Epsilon = OptNumber(f, "epsilon", path + ".epsilon"),
            PreprocessBudgetRatio = OptNumber(f, "preprocess_budget_ratio", path + ".preprocess_budget_ratio"),
        };
        ReadCommon(p, f, path);
        p.DataAugmentation = ReadAugmentation(f, path + ".data_augmentation");
        p.Bounds = BoundsMap(f, "bounds", path + ".bounds");
        return p;
    }

    /// <summary><c>avatarization_dp.&lt;t&gt;.bounds</c> (project extension): column → <c>[lower, upper]</c>, two finite numbers.</summary>
    private OrderedDictionary<string, ColumnValueBounds>? BoundsMap(Dictionary<string, YamlNode> f, string key, string path)
    {
        if (OptionalMap(f, key, path) is not { } map)
        {
            return null;
        }

        var result = new OrderedDictionary<string, ColumnValueBounds>();
        foreach (var (name, node) in Entries(map, path))
        {
            var cpath = path + "." + name;
            if (node is not YamlSequenceNode { Children.Count: 2 } pair)
            {
                Error(node, cpath, "expected a sequence of two numbers [lower, upper], got " + Describe(node));
                continue;
            }

            var lower = FiniteNumber(pair.Children[0], cpath + "[0]");
            var upper = FiniteNumber(pair.Children[1], cpath + "[1]");
            if (lower is { } l && upper is { } u)
            {
                result[name] = new ColumnValueBounds(l, u);
            }
        }

        return result;
    }

    private ConfigNumber? FiniteNumber(YamlNode node, string path)
    {
        var number = Number(node, path);
        if (number is { } n && !double.IsFinite(n.Value))
        {
            Error(node, path, "expected a finite number, got " + Describe(node));
            return null;
        }

        return number;
    }

    private PrivacyMetricsParameters ReadPrivacy(Dictionary<string, YamlNode> f, string path)
    {
        var p = new PrivacyMetricsParameters
        {
            KnownVariables = OptStringList(f, "known_variables", path + ".known_variables"),
            Target = OptString(f, "target", path + ".target"),
            ClosestRatePercentageThreshold = OptNumber(f, "closest_rate_percentage_threshold", path + ".closest_rate_percentage_threshold"),
            ClosestRateRatioThreshold = OptNumber(f, "closest_rate_ratio_threshold", path + ".closest_rate_ratio_threshold"),
            CategoricalHiddenRateVariables = OptStringList(f, "categorical_hidden_rate_variables", path + ".categorical_hidden_rate_variables"),
            QuantileThreshold = OptNumber(f, "quantile_threshold", path + ".quantile_threshold"),
        };
        ReadCommon(p, f, path);
        return p;
    }

    private SignalMetricsParameters ReadSignal(Dictionary<string, YamlNode> f, string path)
    {
        var p = new SignalMetricsParameters();
        ReadCommon(p, f, path);
        return p;
    }

    private TimeSeriesParameters ReadTimeSeries(Dictionary<string, YamlNode> f, string path)
    {
        var p = new TimeSeriesParameters();
        if (OptionalMap(f, "projection", path + ".projection") is { } projection)
        {
            var pf = Fields(projection, path + ".projection", ["projection_type", "type", "nf"]);
            p.Projection = new TimeSeriesProjection
            {
                ProjectionType = OptEnum<ProjectionType>(pf, "projection_type", path + ".projection.projection_type")
                    ?? OptEnum<ProjectionType>(pf, "type", path + ".projection.type"),
                Nf = OptInt(pf, "nf", path + ".projection.nf"),
            };
        }

        if (OptionalMap(f, "alignment", path + ".alignment") is { } alignment)
        {
            var af = Fields(alignment, path + ".alignment", ["nb_points", "method"]);
            p.Alignment = new TimeSeriesAlignment
            {
                NbPoints = OptInt(af, "nb_points", path + ".alignment.nb_points"),
                Method = OptEnum<AlignmentMethod>(af, "method", path + ".alignment.method"),
            };
        }

        return p;
    }

    private ExcludeVariables? ReadExclude(Dictionary<string, YamlNode> f, string path)
    {
        if (OptionalMap(f, "exclude_variables", path) is not { } map)
        {
            return null;
        }

        var ef = Fields(map, path, ["variable_names", "replacement_strategy"]);
        return new ExcludeVariables
        {
            VariableNames = OptStringList(ef, "variable_names", path + ".variable_names"),
            ReplacementStrategy = OptEnum<ExcludeVariablesMethod>(ef, "replacement_strategy", path + ".replacement_strategy"),
        };
    }

    private Imputation? ReadImputation(Dictionary<string, YamlNode> f, string path)
    {
        if (OptionalMap(f, "imputation", path) is not { } map)
        {
            return null;
        }

        var imf = Fields(map, path, ["method", "k", "training_fraction", "return_data_imputed"]);
        return new Imputation
        {
            Method = OptEnum<ImputeMethod>(imf, "method", path + ".method"),
            K = OptInt(imf, "k", path + ".k"),
            TrainingFraction = OptNumber(imf, "training_fraction", path + ".training_fraction"),
            ReturnDataImputed = OptBool(imf, "return_data_imputed", path + ".return_data_imputed"),
        };
    }

    private DataAugmentation? ReadAugmentation(Dictionary<string, YamlNode> f, string path)
    {
        if (OptionalMap(f, "data_augmentation", path) is not { } map)
        {
            return null;
        }

        var df = Fields(map, path, ["augmentation_strategy", "target_column", "should_anonymize_original_table"]);
        var result = new DataAugmentation
        {
            TargetColumn = OptString(df, "target_column", path + ".target_column"),
            ShouldAnonymizeOriginalTable = OptBool(df, "should_anonymize_original_table", path + ".should_anonymize_original_table"),
        };
        if (df.TryGetValue("augmentation_strategy", out var s) && !IsNullScalar(s))
        {
            var spath = path + ".augmentation_strategy";
            if (s is YamlMappingNode)
            {
                result.StrategyRatios = NumberMap(df, "augmentation_strategy", spath);
            }
            else if (s is YamlScalarNode scalar && scalar.Style == ScalarStyle.Plain && TryNumber(scalar.Value!, out var ratio))
            {
                result.StrategyRatio = ratio;
            }
            else
            {
                result.Strategy = String(s, spath);
            }
        }

        return result;
    }

    private ResultsConfig? ReadResults(Dictionary<string, YamlNode> f, string key, string path)
    {
        if (OptionalMap(f, key, path) is not { } map)
        {
            return null;
        }

        var rf = Fields(map, path, ["volume", "path", "format", "name_template", "max_distribution_plots"]);
        return new ResultsConfig
        {
            Volume = OptString(rf, "volume", path + ".volume"),
            Path = OptString(rf, "path", path + ".path"),
            Format = OptString(rf, "format", path + ".format"),
            NameTemplate = OptString(rf, "name_template", path + ".name_template"),
            MaxDistributionPlots = OptInt(rf, "max_distribution_plots", path + ".max_distribution_plots"),
        };
    }

    private AvatarReportParameters ReadReport(YamlMappingNode? spec)
    {
        var doc = new AvatarReportParameters();
        if (spec is null)
        {
            return doc;
        }

        var f = Fields(spec, "spec", ["report_type", "output_format", "results"]);
        if (!f.ContainsKey("report_type"))
        {
            Error(spec, "spec.report_type", "required field is missing");
        }

        doc.ReportType = OptEnum<ReportType>(f, "report_type", "spec.report_type") ?? ReportType.Basic;
        doc.OutputFormat = OptEnum<OutputFormat>(f, "output_format", "spec.output_format");
        doc.Results = ReadResults(f, "results", "spec.results");
        return doc;
    }

    private AvatarAdviceParameters ReadAdvice(YamlMappingNode? spec)
    {
        var doc = new AvatarAdviceParameters();
        if (spec is null)
        {
            return doc;
        }

        var f = Fields(spec, "spec", ["schema", "advice", "results"]);
        doc.Schema = RequiredString(f, spec, "schema", "spec.schema") ?? string.Empty;
        if (RequiredMap(f, spec, "advice", "spec.advice") is { } advice)
        {
            var af = Fields(advice, "spec.advice", ["advisor_type"]);
            if (af.TryGetValue("advisor_type", out var types) && !IsNullScalar(types))
            {
                var i = 0;
                foreach (var item in Sequence(types, "spec.advice.advisor_type"))
                {
                    if (EnumValue<AdviceType>(item, $"spec.advice.advisor_type[{i++}]") is { } t)
                    {
                        doc.AdvisorType.Add(t);
                    }
                }
            }
        }

        doc.Results = ReadResults(f, "results", "spec.results");
        return doc;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private void Error(YamlNode? node, string path, string message) =>
        _errors.Add(new ConfigError(_doc, _kind, _name, path, message,
            node is null ? null : (int)node.Start.Line, node is null ? null : (int)node.Start.Column));

    private static YamlNode? Child(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } s } && s == key)
            {
                return v;
            }
        }

        return null;
    }

    private IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } key })
            {
                Error(k, path, "expected a scalar key, got " + Describe(k));
                continue;
            }

            if (!seen.Add(key))
            {
                Error(k, path + "." + key, "duplicate key");
                continue;
            }

            yield return (key, v);
        }
    }

    private Dictionary<string, YamlNode> Fields(YamlMappingNode map, string path, string[] known)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(map, path))
        {
            if (Array.IndexOf(known, key) < 0)
            {
                if (_ignoreUnknown)
                {
                    continue;
                }

                Error(map.Children.Keys.First(k => k is YamlScalarNode { Value: { } s } && s == key),
                    Join(path, key), "unknown field; expected one of " + string.Join(", ", known));
                continue;
            }

            result[key] = value;
        }

        return result;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private YamlMappingNode? Map(YamlNode node, string path)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(node, path, "expected a mapping, got " + Describe(node));
        return null;
    }

    private YamlMappingNode? RequiredMap(Dictionary<string, YamlNode> f, YamlMappingNode parent, string key, string path)
    {
        if (!f.TryGetValue(key, out var node) || IsNullScalar(node))
        {
            Error(parent, path, "required field is missing");
            return null;
        }

        return Map(node, path);
    }

    private YamlMappingNode? OptionalMap(Dictionary<string, YamlNode> f, string key, string path) =>
        f.TryGetValue(key, out var node) && !IsNullScalar(node) ? Map(node, path) : null;

    private IEnumerable<YamlNode> Sequence(YamlNode node, string path)
    {
        if (node is YamlSequenceNode seq)
        {
            return seq.Children;
        }

        Error(node, path, "expected a sequence, got " + Describe(node));
        return [];
    }

    private string? String(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } value } scalar && !IsNullScalar(scalar))
        {
            return value;
        }

        Error(node, path, "expected a string, got " + Describe(node));
        return null;
    }

    private string? RequiredString(Dictionary<string, YamlNode> f, YamlMappingNode parent, string key, string path)
    {
        if (!f.TryGetValue(key, out var node) || IsNullScalar(node))
        {
            Error(parent, path, "required field is missing");
            return null;
        }

        return String(node, path);
    }

    private string? OptString(Dictionary<string, YamlNode> f, string key, string path) =>
        f.TryGetValue(key, out var node) && !IsNullScalar(node) ? String(node, path) : null;

    private List<string>? OptStringList(Dictionary<string, YamlNode> f, string key, string path)
    {
        if (!f.TryGetValue(key, out var node) || IsNullScalar(node))
        {
            return null;
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in Sequence(node, path))
        {
            if (String(item, $"{path}[{i++}]") is { } s)
            {
                list.Add(s);
            }
        }

        return list;
    }

    private bool? OptBool(Dictionary<string, YamlNode> f, string key, string path)
    {
        if (!f.TryGetValue(key, out var node) || IsNullScalar(node))
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v })
        {
            switch (v)
            {
                case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                    return true;
                case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                    return false;
            }
        }

        Error(node, path, "expected a boolean (true or false), got " + Describe(node));
        return null;
    }

    private long? OptLong(Dictionary<string, YamlNode> f, string key, string path)
    {
        if (!f.TryGetValue(key, out var node) || IsNullScalar(node))
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } && IntRegex().IsMatch(v)
            && long.TryParse(v.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        Error(node, path, "expected an integer, got " + Describe(node));
        return null;
    }

    private int? OptInt(Dictionary<string, YamlNode> f, string key, string path)
    {
        var start = _errors.Count;
        var value = OptLong(f, key, path);
        if (value is null)
        {
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            Error(f[key], path, $"integer {value} is out of range");
            return null;
        }

        return start == _errors.Count ? (int)value.Value : null;
    }

    private ConfigNumber? OptNumber(Dictionary<string, YamlNode> f, string key, string path)
    {
        if (!f.TryGetValue(key, out var node) || IsNullScalar(node))
        {
            return null;
        }

        return Number(node, path);
    }

    private ConfigNumber? Number(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } && TryNumber(v, out var number))
        {
            return number;
        }

        Error(node, path, "expected a number, got " + Describe(node));
        return null;
    }

    private static bool TryNumber(string v, out ConfigNumber number)
    {
        var clean = v.Replace("_", string.Empty, StringComparison.Ordinal);
        if (IntRegex().IsMatch(v) && long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            number = ConfigNumber.FromInt64(l);
            return true;
        }

        switch (v)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                number = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                number = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                number = double.NaN;
                return true;
        }

        if (FloatRegex().IsMatch(v) && double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            number = d;
            return true;
        }

        number = default;
        return false;
    }

    private OrderedDictionary<string, ConfigNumber>? NumberMap(Dictionary<string, YamlNode> f, string key, string path)
    {
        if (OptionalMap(f, key, path) is not { } map)
        {
            return null;
        }

        var result = new OrderedDictionary<string, ConfigNumber>();
        foreach (var (name, node) in Entries(map, path))
        {
            if (Number(node, path + "." + name) is { } n)
            {
                result[name] = n;
            }
        }

        return result;
    }

    private T? OptEnum<T>(Dictionary<string, YamlNode> f, string key, string path)
        where T : struct, Enum =>
        f.TryGetValue(key, out var node) && !IsNullScalar(node) ? EnumValue<T>(node, path) : null;

    private T? EnumValue<T>(YamlNode node, string path)
        where T : struct, Enum
    {
        if (String(node, path) is not { } text)
        {
            return null;
        }

        if (WireValues.TryParse<T>(text, out var value))
        {
            return value;
        }

        Error(node, path, WireValues.InvalidValueMessage<T>(text));
        return null;
    }

    internal static bool IsNullScalar(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a sequence",
        YamlScalarNode s when IsNullScalar(s) => "null",
        YamlScalarNode s => "\"" + s.Value + "\"",
        _ => "an alias",
    };

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_]*)$")]
    private static partial Regex IntRegex();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.?[0-9_]*([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatRegex();
}
