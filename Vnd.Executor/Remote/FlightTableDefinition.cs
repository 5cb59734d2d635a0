using System.Globalization;
using Apache.Arrow.Flight;
using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Executor.Remote;

/// <summary>
/// A trace table as the binder sees it, read from a table server's ListFlights answer (<see cref="FlightStatistics"/>)
/// instead of a local manifest: the columns with their exact types (<see cref="TableServerProtocol.SqlTypeKey"/>),
/// the row count and bytes, and the same per-column statistics a local catalog gives (integer bounds, null counts),
/// so a control server without segments plans exactly as one with them.
/// </summary>
public static class FlightTableDefinition
{
    /// <summary>The table <paramref name="info"/> describes; a field without a known type is a protocol violation.</summary>
    public static TableDefinition Of(FlightInfo info, string schema, string table)
    {
        var fields = info.Schema.FieldsList;
        var columns = new ColumnDefinition[fields.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var metadata = fields[c].HasMetadata ? fields[c].Metadata : new Dictionary<string, string>();
            var type = SqlTypeText.Parse(metadata.GetValueOrDefault(TableServerProtocol.SqlTypeKey))
                ?? throw new ExecutionException(RemoteSqlStates.ProtocolViolation,
                    $"a table server described column \"{fields[c].Name}\" of {schema}.{table} without a known type");
            columns[c] = new ColumnDefinition(fields[c].Name, type, Statistics(type, metadata));
        }
        return new TableDefinition(schema, table, SqlList.From(columns), new TableStatistics(Math.Max(0, info.TotalRecords), Math.Max(0, info.TotalBytes)));
    }

    /// <summary>What a local catalog knows of a column: integer bounds for integer columns, nulls for every column.</summary>
    private static ColumnStatistics Statistics(SqlType type, IReadOnlyDictionary<string, string> metadata)
    {
        object? min = null, max = null;
        if (type.IsInteger && Long(metadata, TableServerProtocol.MinKey) is { } low && Long(metadata, TableServerProtocol.MaxKey) is { } high)
            (min, max) = (low, high);
        return new ColumnStatistics(min, max, Long(metadata, TableServerProtocol.NullsKey) ?? 0, null);
    }

    /// <summary>An integer statistic of the field, or null when absent or not an integer.</summary>
    public static long? Long(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
