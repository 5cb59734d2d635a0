using Vnd.Engine.Catalog.Metadata;
using Vnd.Engine.Control.State;
using Vnd.Executor.Execution;
using Vnd.Executor.Storage;
using Vnd.Executor.Vectors;

namespace Vnd.Engine.Tests.Demo;

/// <summary>The rows of the metadata relation one tenant sees, read through its batch source, by column name.</summary>
internal static class MetadataRows
{
    public static List<Dictionary<string, object?>> Of(ControlStateStore state, TraceTableStore tables, string tenant)
    {
        var (names, _, source) = new MetadataRelation(state, tables).For(tenant);
        var rows = new List<Dictionary<string, object?>>();
        using var context = new QueryContext(CancellationToken.None);
        using var reader = source.Open(Enumerable.Range(0, names.Count).ToArray(), 0, 1, context);
        while (reader.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
                rows.Add(names.Select((n, c) => (n, VectorValues.Get(batch[c], r))).ToDictionary(p => p.n, p => p.Item2));
        }
        return rows;
    }
}
