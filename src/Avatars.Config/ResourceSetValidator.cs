namespace Avatars.Config;

/// <summary>Semantic checks of a parsed resource set.</summary>
internal static class ResourceSetValidator
{
    /// <summary>The avatar_yaml / runner message when a table has both <c>k</c> and <c>dp_epsilon</c>.</summary>
    public const string KAndEpsilonMessage =
        "Expected either k or dp_epsilon to be set, not both. If you want to use differential privacy, set dp_epsilon and remove k.";

    public static IReadOnlyList<ConfigError> Validate(ResourceSet set)
    {
        var errors = new List<ConfigError>();
        var docs = set.Documents;
        var seen = new HashSet<(ModelKind, string)>();
        for (var i = 0; i < docs.Count; i++)
        {
            var doc = docs[i];
            void Err(string path, string message) =>
                errors.Add(new ConfigError(i, doc.Kind.ToString(), doc.Name, path, message));

            if (string.IsNullOrEmpty(doc.Name))
            {
                Err("metadata.name", "must not be empty");
            }
            else if (!seen.Add((doc.Kind, doc.Name)))
            {
                Err("metadata.name", $"duplicate {doc.Kind} document named '{doc.Name}'");
            }

            switch (doc)
            {
                case AvatarSchema schema:
                    ValidateSchema(set, schema, Err);
                    break;
                case ParametersDocument p:
                    ValidateParameters(set, p, Err);
                    break;
                case AvatarAdviceParameters a:
                    if (set.FindSchema(a.Schema) is null)
                    {
                        Err("spec.schema", $"schema '{a.Schema}' does not exist in the resource set");
                    }

                    break;
            }
        }

        return errors;
    }

    private static void ValidateSchema(ResourceSet set, AvatarSchema schema, Action<string, string> err)
    {
        if (schema.SchemaRef is { } reference && set.FindSchema(reference) is null)
        {
            err("spec.schema_ref", $"schema '{reference}' does not exist in the resource set");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in schema.Tables)
        {
            var path = $"spec.tables[{table.Name}]";
            if (table.Name.Length == 0)
            {
                err("spec.tables.name", "table name must not be empty");
            }
            else if (!names.Add(table.Name))
            {
                err(path, $"duplicate table '{table.Name}'");
            }

            if (table.Columns is { } columns)
            {
                var columnNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var c in columns)
                {
                    if (!columnNames.Add(c.Field))
                    {
                        err($"{path}.columns[{c.Field}]", $"duplicate column '{c.Field}'");
                    }
                }

                if (columns.Count(c => c.PrimaryKey == true) > 1)
                {
                    err(path + ".columns", "a table has at most one primary key, got " +
                        string.Join(", ", columns.Where(c => c.PrimaryKey == true).Select(c => $"'{c.Field}'")));
                }

                if (columns.Count(c => c.TimeSeriesTime == true) > 1)
                {
                    err(path + ".columns", "a table has at most one time_series_time column");
                }

                foreach (var c in columns.Where(c => c.PrimaryKey == true && (c.TimeSeriesTime == true || c.Identifier == true)))
                {
                    err($"{path}.columns[{c.Field}]",
                        $"Expected primary_key and {(c.TimeSeriesTime == true ? "time_series_time" : "foreign_keys")} to be different fields, got primary_key='{c.Field}'");
                }
            }

            if (table.Links is { } links)
            {
                for (var l = 0; l < links.Count; l++)
                {
                    var link = links[l];
                    var lpath = $"{path}.links[{l}]";
                    if (!HasColumn(set, schema, table.Name, link.Field))
                    {
                        err(lpath + ".field", $"column '{link.Field}' does not exist in table '{table.Name}'");
                    }

                    if (schema.FindTable(link.ToTable) is null)
                    {
                        err(lpath + ".to.table", $"table '{link.ToTable}' does not exist in schema '{schema.Name}'");
                    }
                    else if (!HasColumn(set, schema, link.ToTable, link.ToField))
                    {
                        err(lpath + ".to.field", $"column '{link.ToField}' does not exist in table '{link.ToTable}'");
                    }
                }
            }
        }
    }

    private static void ValidateParameters(ResourceSet set, ParametersDocument doc, Action<string, string> err)
    {
        var s = doc.Spec;
        var schema = set.FindSchema(s.Schema);
        if (schema is null)
        {
            err("spec.schema", $"schema '{s.Schema}' does not exist in the resource set");
        }

        if (s.AvatarizationRef is { } aref && !set.OfType<AvatarParameters>().Any(p => p.Name == aref))
        {
            err("spec.avatarization_ref", $"AvatarParameters document '{aref}' does not exist in the resource set");
        }

        if (s.TimeSeriesRef is { } tref && !set.OfType<AvatarParameters>().Any(p => p.Name == tref))
        {
            err("spec.time_series_ref", $"AvatarParameters document '{tref}' does not exist in the resource set");
        }

        void Tables<T>(OrderedDictionary<string, T>? section, string key, Action<string, string, T> check)
        {
            if (section is null)
            {
                return;
            }

            foreach (var (table, value) in section)
            {
                var path = $"spec.{key}.{table}";
                if (schema is not null && schema.FindTable(table) is null)
                {
                    err(path, $"table '{table}' does not exist in schema '{schema.Name}'");
                    continue;
                }

                check(table, path, value);
            }
        }

        void Columns(string table, string path, IEnumerable<string>? columns)
        {
            if (schema is null || columns is null)
            {
                return;
            }

            foreach (var c in columns)
            {
                if (!HasColumn(set, schema, table, c))
                {
                    err(path, $"column '{c}' does not exist in table '{table}'");
                }
            }
        }

        void Common(string table, string path, TableParametersBase p)
        {
            if (p.Ncp is < 1)
            {
                err(path + ".ncp", $"ncp must be at least 1, got {p.Ncp}");
            }

            Columns(table, path + ".column_weights", p.ColumnWeights?.Keys);
            if (p.ColumnWeights is { } weights)
            {
                foreach (var (c, w) in weights.Where(kv => !(kv.Value.Value >= 0) || double.IsInfinity(kv.Value.Value)))
                {
                    err($"{path}.column_weights.{c}", $"weight must be a finite non-negative number, got {w}");
                }
            }

            Columns(table, path + ".exclude_variables.variable_names", p.ExcludeVariables?.VariableNames);
            if (p.Imputation is { } imputation)
            {
                if (imputation.K is < 1)
                {
                    err(path + ".imputation.k", $"imputation k must be at least 1, got {imputation.K}");
                }

                if (imputation.TrainingFraction is { } f && !(f.Value > 0 && f.Value <= 1))
                {
                    err(path + ".imputation.training_fraction", $"training_fraction must be in (0, 1], got {f}");
                }
            }
        }

        Tables(s.Avatarization, "avatarization", (table, path, p) =>
        {
            if (p.K is < 1)
            {
                err(path + ".k", $"k must be at least 1, got {p.K}");
            }

            if (s.AvatarizationDp?.ContainsKey(table) == true)
            {
                err(path, KAndEpsilonMessage);
            }

            Common(table, path, p);
        });
        Tables(s.AvatarizationDp, "avatarization_dp", (table, path, p) =>
        {
            if (p.Epsilon is { } e && !(e.Value > 0))
            {
                err(path + ".epsilon", $"epsilon must be positive, got {e}");
            }

            if (p.PreprocessBudgetRatio is { } r && !(r.Value > 0 && r.Value < 1))
            {
                err(path + ".preprocess_budget_ratio", $"preprocess_budget_ratio must be in (0, 1), got {r}");
            }

            Columns(table, path + ".bounds", p.Bounds?.Keys);
            if (p.Bounds is { } bounds)
            {
                foreach (var (c, b) in bounds.Where(kv => !(kv.Value.Lower.Value < kv.Value.Upper.Value)))
                {
                    err($"{path}.bounds.{c}", $"lower bound must be less than upper bound, got [{b.Lower}, {b.Upper}]");
                }
            }

            Common(table, path, p);
        });
        Tables(s.TimeSeries, "time_series", (table, path, p) =>
        {
            if (p.Projection?.Nf is < 1)
            {
                err(path + ".projection.nf", $"nf must be at least 1, got {p.Projection.Nf}");
            }

            if (p.Alignment?.NbPoints is < 1)
            {
                err(path + ".alignment.nb_points", $"nb_points must be at least 1, got {p.Alignment.NbPoints}");
            }
        });
        Tables(s.PrivacyMetrics, "privacy_metrics", (table, path, p) =>
        {
            Common(table, path, p);
            Columns(table, path + ".known_variables", p.KnownVariables);
            Columns(table, path + ".target", p.Target is null ? null : [p.Target]);
            Columns(table, path + ".categorical_hidden_rate_variables", p.CategoricalHiddenRateVariables);
        });
        Tables(s.SignalMetrics, "signal_metrics", (table, path, p) => Common(table, path, p));
    }

    /// <summary>
    /// True when the column exists, or when the table's columns are not listed (nothing to check).
    /// Avatarized schemas list no columns: their <c>schema_ref</c> is followed.
    /// </summary>
    private static bool HasColumn(ResourceSet set, AvatarSchema schema, string table, string column)
    {
        var visited = new HashSet<AvatarSchema>();
        for (var current = schema; current is not null && visited.Add(current); current = set.FindSchema(current.SchemaRef))
        {
            // A list holding only keys (what a client writes for an uploaded file whose other columns it does not
            // know) does not enumerate the table: the column is checked when the job reads the data.
            if (current.FindTable(table)?.Columns is { } columns
                && columns.Any(c => c.PrimaryKey != true && c.Identifier != true && c.TimeSeriesTime != true))
            {
                return columns.Any(c => c.Field == column);
            }
        }

        return true;
    }
}
