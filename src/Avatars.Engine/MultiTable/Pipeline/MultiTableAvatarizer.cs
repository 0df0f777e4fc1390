using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.MultiTable.Enrichment;
using Avatars.Engine.MultiTable.Relinking;
using Avatars.Engine.Privacy;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>
/// Avatarizes a schema of linked tables (method.md §5.2, project design, not vendor parity; docs/multi-table.md):
/// <list type="number">
/// <item>enrich every table with aggregates of its children (<see cref="ParentEnricher"/>) and with the variables
/// of its parents (<see cref="ChildEnricher"/>, prefixed by the foreign key), all computed on the originals;</item>
/// <item>avatarize every enriched table on its own (keys are identifiers, never variables);</item>
/// <item>shuffle each table and give its rows new keys 1 … n in the shuffled order;</item>
/// <item>in parent-before-child order, give each child avatar a parent avatar with <see cref="ChildRelinker"/>:
/// each parent avatar takes as many children as its avatarized child count;</item>
/// <item>drop the enrichment columns: each table comes out with its original columns.</item>
/// </list>
/// </summary>
public static class MultiTableAvatarizer
{
    // Streams of the run seed: one avatarization seed and one shuffle per table.
    private const ulong TableSeedStream = 0x4D54;
    private const ulong ShuffleStream = 0x4D55;
    private const ulong SeriesNoiseStream = 0x4D56;

    /// <summary>Avatarizes the tables on a worker thread.</summary>
    /// <param name="tables">The tables, with keys and parameters.</param>
    /// <param name="links">The parent → child links.</param>
    /// <param name="options">The run's seed and assignment limit; null for the defaults.</param>
    /// <param name="progress">Receives the current step and the completed share.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The avatars of every table and how each link was made.</returns>
    /// <exception cref="MultiTableException">The schema, a key or a link is not usable (the message names the table and column).</exception>
    /// <exception cref="AvatarizationException">A table's avatarization parameters are not usable.</exception>
    public static Task<MultiTableResult> AvatarizeAsync(
        IReadOnlyList<MultiTableSource> tables,
        IReadOnlyList<MultiTableLink> links,
        MultiTableOptions? options = null,
        IProgress<MultiTableProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Task.Run(() => Avatarize(tables, links, options, progress, cancellationToken), cancellationToken);

    /// <summary>Avatarizes the tables on the calling thread (plus the avatarizer's parallel workers).</summary>
    /// <inheritdoc cref="AvatarizeAsync"/>
    public static MultiTableResult Avatarize(
        IReadOnlyList<MultiTableSource> tables,
        IReadOnlyList<MultiTableLink> links,
        MultiTableOptions? options = null,
        IProgress<MultiTableProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var schema = MultiTableSchema.Create(tables, links);
        options ??= new MultiTableOptions();
        var seed = options.Seed ?? RowRandom.NewSeed();
        var avatarized = schema.Tables.Where(t => !schema.IsTimeSeries(t.Name)).ToList();
        var totalRows = Math.Max(1.0, avatarized.Sum(t => (double)t.Data.RowCount));
        var tableIndex = schema.Tables.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

        // 1–2. Enrich and avatarize each table (5 % → 85 %, shared by row count).
        var done = 0.0;
        var avatars = new Dictionary<string, TableAvatars>(StringComparer.Ordinal);
        var originalCounts = new Dictionary<string, Table>(StringComparer.Ordinal);
        var series = new Dictionary<string, SeriesEncodings>(StringComparer.Ordinal);
        foreach (var table in avatarized)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new MultiTableProgress($"enriching table \"{table.Name}\"", 0.05 + (0.8 * done / totalRows)));
            var (enriched, encodings) = Enrich(schema, table);
            series[table.Name] = encodings;
            // The original child counts, for the spread of the avatarized ones (only these columns are kept).
            originalCounts[table.Name] = enriched.Select(schema.ChildLinks(table.Name).Where(l => !l.IsTimeSeries).Select(schema.CountColumn));
            progress?.Report(new MultiTableProgress($"avatarizing table \"{table.Name}\"", 0.05 + (0.8 * done / totalRows)));
            var tableSeed = new RowRandom(seed, TableSeedStream, (ulong)tableIndex[table.Name]).NextUInt64();
            avatars[table.Name] = AvatarizeTable(table, enriched, encodings.Weights(), tableSeed, cancellationToken);
            done += table.Data.RowCount;
        }

        // 3. Shuffle and new keys: key of unshuffled row i = its position in the shuffled table + 1.
        var positions = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var orders = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var table in avatarized)
        {
            var n = avatars[table.Name].Unshuffled.RowCount;
            var order = new int[n];
            new RowRandom(seed, ShuffleStream, (ulong)tableIndex[table.Name]).Permutation(order);
            var position = new int[n];
            for (var r = 0; r < n; r++)
            {
                position[order[r]] = r;
            }

            orders[table.Name] = order;
            positions[table.Name] = position;
        }

        // 4. Re-link every child to its parents, parents first; assemble the output columns.
        progress?.Report(new MultiTableProgress("linking children to parents", 0.85));
        var linkResults = new List<MultiTableLinkResult>();
        var outputs = new Dictionary<string, MultiTableTableResult>(StringComparer.Ordinal);
        foreach (var table in schema.Order.Where(t => !schema.IsTimeSeries(t.Name)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var own = avatars[table.Name];
            var foreignKeys = new Dictionary<string, long[]>(StringComparer.Ordinal);
            var notes = new List<string>(own.Notes);
            foreach (var link in schema.ParentLinks(table.Name))
            {
                var (parentOfChild, result) = Relink(schema, link, avatars, originalCounts[link.ParentTable], options, notes);
                linkResults.Add(result);
                var parentPosition = positions[link.ParentTable];
                foreignKeys[link.ChildField] = [.. parentOfChild.Select(p => KeyGenerator.KeyOf(parentPosition[p]))];
            }

            var unshuffled = Assemble(table, own.Unshuffled, positions[table.Name], foreignKeys, notes);
            var shuffled = unshuffled.TakeRows(orders[table.Name]);
            outputs[table.Name] = new MultiTableTableResult(table.Name, shuffled, unshuffled, own.Paired, own.Seed, notes);
        }

        // 5. Time-series children: rebuilt from their parent's avatars (the parent's shuffled rows and new keys).
        foreach (var table in schema.Tables.Where(t => schema.IsTimeSeries(t.Name)))
        {
            var link = schema.ParentLinks(table.Name).Single();
            var parent = avatars[link.ParentTable];
            var order = orders[link.ParentTable];
            var parentShuffled = parent.Unshuffled.TakeRows(order);
            var keys = new IntColumn(link.ChildField, [.. Enumerable.Range(0, order.Length).Select(KeyGenerator.KeyOf)]);
            var noiseSeed = new RowRandom(seed, SeriesNoiseStream, (ulong)tableIndex[table.Name]).NextUInt64();
            var rebuilt = series[link.ParentTable].Decode(table.Name, parentShuffled, keys, noiseSeed).WithName(table.Name);
            outputs[table.Name] = new MultiTableTableResult(table.Name, rebuilt, rebuilt, paired: false, parent.Seed, series[link.ParentTable].Notes(table.Name));
        }

        progress?.Report(new MultiTableProgress("done", 1));
        return new MultiTableResult([.. schema.Tables.Select(t => outputs[t.Name])], linkResults, seed);
    }

    /// <summary>The table to avatarize: the original with its children's aggregates, its time-series features and its parents' variables.</summary>
    private static (Table Enriched, SeriesEncodings Encodings) Enrich(MultiTableSchema schema, MultiTableSource table)
    {
        var enriched = table.Data.WithName(table.Name);
        var encodings = new SeriesEncodings();
        foreach (var link in schema.ChildLinks(table.Name))
        {
            var child = schema[link.ChildTable];
            enriched = link.IsTimeSeries
                ? encodings.Append(enriched, table, child, link)
                : Guard(() => ParentEnricher.Enrich(
                    enriched,
                    link.ParentField,
                    child.Data.WithName(child.Name),
                    link.ChildField,
                    new ParentEnrichmentOptions { Prefix = schema.AggregatePrefix(link), Variables = AggregatedVariables(child) }), table.Name);
        }

        foreach (var link in schema.ParentLinks(table.Name))
        {
            var parent = schema[link.ParentTable];
            var renamed = ParentVariables(parent, link, parent.Data);
            enriched = Guard(() => ChildEnricher.Enrich(enriched, link.ChildField, renamed, link.ParentField, SharedVariables(parent, link)), table.Name);
        }

        return (enriched, encodings);
    }

    /// <summary>The child variables aggregated into a parent: its own variables except dates (not aggregated).</summary>
    private static List<string> AggregatedVariables(MultiTableSource child) =>
        [.. child.OwnVariables.Where(v => child.Data[v].Type is not (ColumnType.DateTime or ColumnType.DateTimeTz))];

    /// <summary>The parent variables copied into a child and used to re-link it: the parent's own variables except dates.</summary>
    private static List<string> SharedVariables(MultiTableSource parent, MultiTableLink link) =>
        [.. parent.OwnVariables.Where(v => parent.Data[v].Type is not (ColumnType.DateTime or ColumnType.DateTimeTz)).Select(v => MultiTableSchema.ParentVariablePrefix(link) + v)];

    /// <summary>The parent's key and shared variables (renamed with the link's prefix) from <paramref name="data"/> (the original or the avatars).</summary>
    private static Table ParentVariables(MultiTableSource parent, MultiTableLink link, Table data)
    {
        var columns = new List<Column>();
        if (data.Contains(link.ParentField))
        {
            columns.Add(data[link.ParentField]);
        }

        foreach (var variable in parent.OwnVariables.Where(v => parent.Data[v].Type is not (ColumnType.DateTime or ColumnType.DateTimeTz)))
        {
            columns.Add(data[variable].WithName(MultiTableSchema.ParentVariablePrefix(link) + variable));
        }

        return new Table(columns, parent.Name);
    }

    private static TableAvatars AvatarizeTable(MultiTableSource table, Table enriched, IReadOnlyDictionary<string, double> seriesWeights, ulong tableSeed, CancellationToken cancellationToken)
    {
        switch (table.Avatarization)
        {
            case StandardTableAvatarization standard:
                var identifiers = standard.Options.IdentifierColumns.Concat(table.KeyColumns).Distinct(StringComparer.Ordinal).ToList();
                // The user's weights win over the time-series feature weights.
                var weights = seriesWeights.Count == 0
                    ? standard.Options.ColumnWeights
                    : seriesWeights.Concat(standard.Options.ColumnWeights ?? new Dictionary<string, double>())
                        .GroupBy(w => w.Key, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
                var options = standard.Options with { IdentifierColumns = identifiers, Seed = standard.Options.Seed ?? tableSeed, ColumnWeights = weights };
                var result = Avatarizer.Avatarize(enriched, options, cancellationToken: cancellationToken);
                return new TableAvatars(result.SensitiveUnshuffled, Paired: true, result.Seed, result.Warnings);
            case DifferentialPrivacyTableAvatarization dp:
                var declared = new Dictionary<string, ColumnBounds>(dp.Options.DeclaredBounds ?? new Dictionary<string, ColumnBounds>(), StringComparer.Ordinal);
                foreach (var share in enriched.ColumnNames.Where(c => !table.Data.Contains(c) && c.EndsWith("_share", StringComparison.Ordinal)))
                {
                    declared.TryAdd(share, new ColumnBounds(0, 1));
                }

                var dpOptions = dp.Options with
                {
                    IdentifierColumns = [.. dp.Options.IdentifierColumns.Concat(table.KeyColumns).Distinct(StringComparer.Ordinal)],
                    DeclaredBounds = declared,
                    Seed = dp.Options.Seed ?? tableSeed,
                };
                DifferentialPrivacyTableResult synthesized;
                try
                {
                    synthesized = DifferentialPrivacyTableAvatarizer.Avatarize(enriched, dpOptions);
                }
                catch (DifferentialPrivacyException ex)
                {
                    throw new MultiTableException(ex.Message, table.Name, innerException: ex);
                }

                return new TableAvatars(synthesized.Avatars, Paired: false, synthesized.Seed, [.. synthesized.Notes.Select(n => $"Differential privacy (ε = {dpOptions.Epsilon}): {n}")]);
            default:
                throw new MultiTableException($"Table '{table.Name}': avatarization {table.Avatarization?.GetType().Name ?? "(none)"} is not supported.", table.Name);
        }
    }

    private static (IReadOnlyList<int> ParentOfChild, MultiTableLinkResult Result) Relink(
        MultiTableSchema schema, MultiTableLink link, Dictionary<string, TableAvatars> avatars, Table parentOriginalCounts, MultiTableOptions options, List<string> notes)
    {
        var parent = schema[link.ParentTable];
        var parentAvatars = avatars[link.ParentTable].Unshuffled;
        var childAvatars = avatars[link.ChildTable].Unshuffled;
        var countColumn = schema.CountColumn(link);
        // The spread is restored from an aggregate of the original counts: not for a differentially private parent,
        // whose budget does not cover it.
        var avatarCounts = Counts(parentAvatars, countColumn, parent.Name);
        if (avatars[link.ParentTable].Paired)
        {
            avatarCounts = CountCalibration.RestoreSpread(avatarCounts, Counts(parentOriginalCounts, countColumn, parent.Name));
        }

        if (!avatarCounts.Any(c => c > 0) && childAvatars.RowCount > 0)
        {
            // Possible with differential privacy on a small table: no usable count, so every parent avatar gets an equal share.
            notes.Add($"Link {link.ParentTable} → {link.ChildTable}: no parent avatar has a positive child count; the children were spread evenly over the {parentAvatars.RowCount} parent avatars.");
            avatarCounts = [.. avatarCounts.Select(_ => 1.0)];
        }

        var counts = Guard(() => ChildCounts.FromAvatarizedCounts(avatarCounts, childAvatars.RowCount), parent.Name);
        var shared = SharedVariables(parent, link);
        if (shared.Count == 0)
        {
            throw new MultiTableException(
                $"Link {link}: table '{parent.Name}' has no variable besides its keys, so its children cannot be matched to parent avatars; give it at least one variable.",
                parent.Name);
        }

        var projection = Guard(() => ChildRelinker.FitProjection(ParentVariables(parent, link, parent.Data), shared), parent.Name);
        var relinked = Guard(
            () => ChildRelinker.Relink(ParentVariables(parent, link, parentAvatars), childAvatars, counts, shared, projection, link.Method, options.Assignment),
            link.ChildTable);
        if (relinked.FellBack)
        {
            notes.Add($"Link {link.ParentTable} → {link.ChildTable}: {childAvatars.RowCount} children exceed the exact assignment limit; the minimum-distance assignment was used.");
        }

        return (relinked.ParentOfChild, new MultiTableLinkResult(link, relinked.Method, relinked.FellBack, relinked.TotalDistance));
    }

    /// <summary>The child counts of a parent table (the count column of the enrichment, original or avatarized), as numbers.</summary>
    private static double[] Counts(Table parent, string countColumn, string parentName)
    {
        if (!parent.TryGetColumn(countColumn, out var column))
        {
            throw new MultiTableException($"Table '{parentName}': the avatars have no child count column '{countColumn}'; do not exclude it from the avatarization.", parentName, countColumn);
        }

        var counts = new double[column.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = column.GetValue(i) is { } value ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
        }

        return counts;
    }

    /// <summary>The output table in the original's column order: new keys, re-linked foreign keys, avatar variables; enrichment dropped.</summary>
    private static Table Assemble(MultiTableSource table, Table avatars, int[] position, Dictionary<string, long[]> foreignKeys, List<string> notes)
    {
        var columns = new List<Column>();
        foreach (var column in table.Data.Columns)
        {
            if (column.Name == table.PrimaryKey)
            {
                columns.Add(new IntColumn(column.Name, [.. position.Select(KeyGenerator.KeyOf)]));
            }
            else if (foreignKeys.TryGetValue(column.Name, out var keys))
            {
                columns.Add(new IntColumn(column.Name, keys));
            }
            else if (table.ForeignKeys.Contains(column.Name, StringComparer.Ordinal))
            {
                // A foreign key without a link points to no table of the schema: it would identify real people.
                notes.Add($"Column '{column.Name}' of table '{table.Name}' is an identifier without a link: it is left out of the avatars.");
            }
            else
            {
                columns.Add(avatars[column.Name]);
            }
        }

        return new Table(columns, table.Name);
    }

    private static T Guard<T>(Func<T> action, string table)
    {
        try
        {
            return action();
        }
        catch (ArgumentException ex)
        {
            throw new MultiTableException(ex.Message, table, innerException: ex);
        }
    }

    /// <summary>A table's avatars before keys and re-linking: row i is the avatar of original row i when paired.</summary>
    private sealed record TableAvatars(Table Unshuffled, bool Paired, ulong Seed, IReadOnlyList<string> Notes);
}
