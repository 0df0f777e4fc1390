using System.Text;
using Avatars.Data;

namespace Avatars.Config;

/// <summary>Parses and writes avatar_yaml resource sets (multi-document YAML, sdk.md §9).</summary>
public static class ResourceSetYaml
{
    /// <summary>
    /// Parses a multi-document resource set. Structural problems (invalid YAML, unknown kinds or fields,
    /// wrong types, invalid enumeration values, missing required fields) are all collected and thrown together.
    /// Semantic checks are separate: <see cref="ResourceSet.Validate"/>.
    /// </summary>
    /// <exception cref="ConfigValidationException">The text is not a well-formed resource set.</exception>
    public static ResourceSet Parse(string yaml) => Parse(yaml, null);

    /// <summary>Parses a multi-document resource set with options (see <see cref="Parse(string)"/>).</summary>
    /// <exception cref="ConfigValidationException">The text is not a well-formed resource set.</exception>
    public static ResourceSet Parse(string yaml, ResourceSetParseOptions? options)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        using var reader = new StringReader(yaml);
        return Parse(reader, options);
    }

    /// <summary>Parses a resource set from a reader (see <see cref="Parse(string)"/>).</summary>
    /// <exception cref="ConfigValidationException">The text is not a well-formed resource set.</exception>
    public static ResourceSet Parse(TextReader reader, ResourceSetParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var r = new ResourceSetReader(options);
        var set = r.Read(reader);
        if (r.Errors.Count > 0)
        {
            throw new ConfigValidationException(r.Errors);
        }

        return set;
    }

    /// <summary>Parses a UTF-8 resource set from a stream (see <see cref="Parse(string)"/>).</summary>
    /// <exception cref="ConfigValidationException">The text is not a well-formed resource set.</exception>
    public static async Task<ResourceSet> ParseAsync(
        Stream stream, ResourceSetParseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return Parse(text, options);
    }

    /// <summary>Parses then runs <see cref="ResourceSet.Validate"/>, throwing every problem found.</summary>
    /// <exception cref="ConfigValidationException">The resource set is malformed or invalid.</exception>
    public static ResourceSet ParseAndValidate(string yaml, ResourceSetParseOptions? options = null)
    {
        var set = Parse(yaml, options);
        set.EnsureValid();
        return set;
    }

    /// <summary>
    /// Writes the documents in the order held, in the vendor's style: PyYAML block style, field order of §9.3,
    /// null dataclass fields omitted, nulls of the free-form dicts written as <c>null</c>, documents joined by
    /// <c>"\n---\n"</c>.
    /// </summary>
    public static string Serialize(ResourceSet resourceSet)
    {
        ArgumentNullException.ThrowIfNull(resourceSet);
        return string.Join("\n---\n", resourceSet.Documents.Select(Serialize));
    }

    /// <summary>Writes one document (ending with a newline).</summary>
    public static string Serialize(ResourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return YamlText.Emit(ToNode(document));
    }

    private static YMap ToNode(ResourceDocument document)
    {
        var map = new YMap()
            .Add("kind", YScalar.Str(WireValues.ToWire(document.Kind)))
            .Add("metadata", new YMap().Add("name", YScalar.Str(document.Name)));
        switch (document)
        {
            case AvatarMetadata m:
                var spec = new YMap().Add("display_name", YScalar.Str(m.DisplayName));
                if (m.PiaMetadata is { } pia)
                {
                    spec.Add("pia_metadata", new YMap()
                        .AddIf("datarecipient", pia.DataRecipient)
                        .AddIf("data_type", pia.DataType)
                        .AddIf("datasubject", pia.DataSubject)
                        .AddIf("sensitivity_level", pia.SensitivityLevel));
                }

                map.Add("spec", spec);
                if (m.Annotations is { } annotations)
                {
                    var a = new YMap();
                    foreach (var (k, v) in annotations)
                    {
                        a.Add(k, YScalar.Str(v));
                    }

                    map.Add("annotations", a);
                }

                break;
            case AvatarVolume v:
                map.Add("spec", new YMap().Add("url", YScalar.Str(v.Url)));
                break;
            case AvatarSchema s:
                var tables = new YSeq();
                foreach (var t in s.Tables)
                {
                    tables.Items.Add(Table(t));
                }

                map.Add("spec", new YMap().Add("tables", tables).AddIf("schema_ref", s.SchemaRef));
                break;
            case ParametersDocument p:
                map.Add("spec", Parameters(p.Spec));
                break;
            case AvatarReportParameters r:
                map.Add("spec", new YMap()
                    .Add("report_type", YScalar.Str(WireValues.ToWire(r.ReportType)))
                    .AddIf("output_format", r.OutputFormat is { } f ? WireValues.ToWire(f) : null)
                    .AddIf("results", Results(r.Results)));
                break;
            case AvatarAdviceParameters a:
                var types = new YSeq();
                types.Items.AddRange(a.AdvisorType.Select(t => YScalar.Str(WireValues.ToWire(t))));
                map.Add("spec", new YMap()
                    .Add("schema", YScalar.Str(a.Schema))
                    .Add("advice", new YMap().Add("advisor_type", types))
                    .AddIf("results", Results(a.Results)));
                break;
        }

        return map;
    }

    private static YMap Table(TableInfo t)
    {
        var map = new YMap()
            .Add("name", YScalar.Str(t.Name))
            .AddIf("data", Location(t.Data))
            .AddIf("individual_level", t.IndividualLevel)
            .AddIf("avatars_data", Location(t.AvatarsData));
        if (t.Columns is { } columns)
        {
            var seq = new YSeq();
            foreach (var c in columns)
            {
                seq.Items.Add(new YMap()
                    .Add("field", YScalar.Str(c.Field))
                    .AddIf("type", c.Type is { } type ? WireValues.ToWire(type) : null)
                    .AddIf("value_type", c.ValueType)
                    .AddIf("identifier", c.Identifier)
                    .AddIf("primary_key", c.PrimaryKey)
                    .AddIf("time_series_time", c.TimeSeriesTime));
            }

            map.Add("columns", seq);
        }

        if (t.Links is { } links)
        {
            var seq = new YSeq();
            foreach (var l in links)
            {
                seq.Items.Add(new YMap()
                    .Add("field", YScalar.Str(l.Field))
                    .Add("to", new YMap().Add("table", YScalar.Str(l.ToTable)).Add("field", YScalar.Str(l.ToField)))
                    .Add("method", YScalar.Str(WireValues.ToWire(l.Method))));
            }

            map.Add("links", seq);
        }

        return map;
    }

    private static YMap? Location(DataLocation? d) =>
        d is null ? null : new YMap().AddIf("volume", d.Volume).AddIf("file", d.File).AddIf("auto", d.Auto);

    private static YMap? Results(ResultsConfig? r) =>
        r is null
            ? null
            : new YMap()
                .AddIf("volume", r.Volume)
                .AddIf("path", r.Path)
                .AddIf("format", r.Format)
                .AddIf("name_template", r.NameTemplate)
                .AddIf("max_distribution_plots", r.MaxDistributionPlots);

    private static YMap Parameters(ParametersSpec s) =>
        new YMap()
            .Add("schema", YScalar.Str(s.Schema))
            .AddIf("avatarization", PerTable(s.Avatarization, Avatarization))
            .AddIf("avatarization_dp", PerTable(s.AvatarizationDp, AvatarizationDp))
            .AddIf("avatarization_ref", s.AvatarizationRef)
            .AddIf("time_series", PerTable(s.TimeSeries, TimeSeries))
            .AddIf("time_series_ref", s.TimeSeriesRef)
            .AddIf("privacy_metrics", PerTable(s.PrivacyMetrics, Privacy))
            .AddIf("signal_metrics", PerTable(s.SignalMetrics, Signal))
            .AddIf("results", Results(s.Results))
            .AddIf("seed", s.Seed);

    private static YMap? PerTable<T>(OrderedDictionary<string, T>? entries, Func<T, YMap> write)
    {
        if (entries is null)
        {
            return null;
        }

        var map = new YMap();
        foreach (var (table, value) in entries)
        {
            map.Add(table, write(value));
        }

        return map;
    }

    private static YMap Avatarization(AvatarizationParameters p)
    {
        var map = new YMap().AddIf("k", p.K).AddIf("ncp", p.Ncp).AddIf("use_categorical_reduction", p.UseCategoricalReduction);
        AddCommonTail(map, p);
        return map.AddIf("data_augmentation", Augmentation(p.DataAugmentation));
    }

    private static YMap AvatarizationDp(AvatarizationDpParameters p)
    {
        var map = new YMap()
            .AddIf("epsilon", p.Epsilon)
            .AddIf("preprocess_budget_ratio", p.PreprocessBudgetRatio)
            .AddIf("ncp", p.Ncp)
            .AddIf("use_categorical_reduction", p.UseCategoricalReduction);
        AddCommonTail(map, p);
        return map.AddIf("data_augmentation", Augmentation(p.DataAugmentation)).AddIf("bounds", Bounds(p.Bounds));
    }

    /// <summary>The project extension <c>bounds</c>, one flow pair per column (<c>age: [18, 80]</c>).</summary>
    private static YMap? Bounds(OrderedDictionary<string, ColumnValueBounds>? bounds)
    {
        if (bounds is null)
        {
            return null;
        }

        var map = new YMap();
        foreach (var (column, b) in bounds)
        {
            map.Add(column, YScalar.FlowPair(b.Lower, b.Upper));
        }

        return map;
    }

    private static void AddCommonTail(YMap map, TableParametersBase p) =>
        map.AddIf("column_weights", Weights(p.ColumnWeights))
            .AddIf("exclude_variables", Exclude(p.ExcludeVariables))
            .AddIf("imputation", Imputation(p.Imputation));

    private static YMap Privacy(PrivacyMetricsParameters p) =>
        new YMap()
            .AddIf("ncp", p.Ncp)
            .AddIf("use_categorical_reduction", p.UseCategoricalReduction)
            .AddIf("known_variables", Strings(p.KnownVariables))
            .AddIf("target", p.Target)
            .AddIf("closest_rate_percentage_threshold", p.ClosestRatePercentageThreshold)
            .AddIf("closest_rate_ratio_threshold", p.ClosestRateRatioThreshold)
            .AddIf("categorical_hidden_rate_variables", Strings(p.CategoricalHiddenRateVariables))
            .AddIf("quantile_threshold", p.QuantileThreshold)
            .AddIf("imputation", Imputation(p.Imputation))
            .AddIf("exclude_variables", Exclude(p.ExcludeVariables))
            .AddIf("column_weights", Weights(p.ColumnWeights));

    private static YMap Signal(SignalMetricsParameters p) =>
        new YMap()
            .AddIf("ncp", p.Ncp)
            .AddIf("use_categorical_reduction", p.UseCategoricalReduction)
            .AddIf("imputation", Imputation(p.Imputation))
            .AddIf("column_weights", Weights(p.ColumnWeights))
            .AddIf("exclude_variables", Exclude(p.ExcludeVariables));

    private static YMap TimeSeries(TimeSeriesParameters p)
    {
        var map = new YMap();
        if (p.Projection is { } projection)
        {
            map.Add("projection", new YMap()
                .Add("projection_type", projection.ProjectionType is { } t ? YScalar.Str(WireValues.ToWire(t)) : YScalar.Null)
                .Add("nf", projection.Nf is { } nf ? YScalar.Int(nf) : YScalar.Null));
        }

        if (p.Alignment is { } alignment)
        {
            map.Add("alignment", new YMap()
                .Add("nb_points", alignment.NbPoints is { } n ? YScalar.Int(n) : YScalar.Null)
                .Add("method", alignment.Method is { } m ? YScalar.Str(WireValues.ToWire(m)) : YScalar.Null));
        }

        return map;
    }

    private static YSeq? Strings(List<string>? values)
    {
        if (values is null)
        {
            return null;
        }

        var seq = new YSeq();
        seq.Items.AddRange(values.Select(YScalar.Str));
        return seq;
    }

    private static YMap? Weights(OrderedDictionary<string, ConfigNumber>? weights)
    {
        if (weights is null)
        {
            return null;
        }

        var map = new YMap();
        foreach (var (k, v) in weights)
        {
            map.Add(k, YScalar.Num(v));
        }

        return map;
    }

    private static YMap? Exclude(ExcludeVariables? e) =>
        e is null
            ? null
            : new YMap()
                .Add("variable_names", (YNode?)Strings(e.VariableNames) ?? YScalar.Null)
                .Add("replacement_strategy", e.ReplacementStrategy is { } s ? YScalar.Str(WireValues.ToWire(s)) : YScalar.Null);

    private static YMap? Imputation(Imputation? i) =>
        i is null
            ? null
            : new YMap()
                .Add("method", i.Method is { } m ? YScalar.Str(WireValues.ToWire(m)) : YScalar.Null)
                .Add("k", i.K is { } k ? YScalar.Int(k) : YScalar.Null)
                .Add("training_fraction", i.TrainingFraction is { } f ? YScalar.Num(f) : YScalar.Null)
                .AddIf("return_data_imputed", i.ReturnDataImputed);

    private static YMap? Augmentation(DataAugmentation? d)
    {
        if (d is null)
        {
            return null;
        }

        YNode strategy = d.StrategyRatios is { } ratios ? Weights(ratios)!
            : d.StrategyRatio is { } ratio ? YScalar.Num(ratio)
            : d.Strategy is { } s ? YScalar.Str(s)
            : YScalar.Null;
        return new YMap()
            .Add("augmentation_strategy", strategy)
            .Add("target_column", d.TargetColumn is { } c ? YScalar.Str(c) : YScalar.Null)
            .Add("should_anonymize_original_table", d.ShouldAnonymizeOriginalTable is { } b ? YScalar.Bool(b) : YScalar.Null);
    }
}
