using Apache.Arrow;
using Apache.Arrow.Flight;
using Vnd.Executor.Storage;
using Vnd.Planner.Distributed;

namespace Vnd.Executor.Remote;

/// <summary>
/// Trace-table statistics as a table server reports them over Flight: the descriptor path is [schema, table],
/// total records and bytes are the manifest's, and each field of the schema carries its column's whole-table
/// statistics as metadata (<see cref="ColumnStatisticsMetadata"/>: read from the manifest, no segment is opened).
/// A column without a distinct-count estimate (segments written before sketches existed) reports none, and the
/// planner falls back to the row count for it.
/// </summary>
public static class FlightStatistics
{
    public static FlightInfo Describe(TraceTable table, Uri? location, ulong? stamp = null)
    {
        var builder = new Schema.Builder();
        if (stamp is { } listed)
            builder.Metadata(TableServerProtocol.StampKey, TableStamp.Format(listed));
        for (var c = 0; c < table.Schema.Count; c++)
        {
            var metadata = new Dictionary<string, string>
            {
                [TableServerProtocol.TypeKey] = table.Schema[c].Type.PgName,
                [TableServerProtocol.SqlTypeKey] = SqlTypeText.Format(table.Schema[c].Type),
            };
            ColumnStatisticsMetadata.Add(table, c, metadata);
            builder.Field(new Field(table.Schema[c].Name, WireFormat.ArrowType(table.Schema[c].Type), nullable: true, metadata));
        }
        var descriptor = FlightDescriptor.CreatePathDescriptor(table.Ref.Schema, table.Ref.Table);
        IReadOnlyList<FlightEndpoint> endpoints = location is null ? [] : [new FlightEndpoint(new FlightTicket([]), [new FlightLocation(location.ToString())])];
        return new FlightInfo(builder.Build(), descriptor, endpoints, table.RowCount, table.ByteSize);
    }

    /// <summary>A listed table the caller already holds with this <paramref name="stamp"/>: its path and nothing else.</summary>
    public static FlightInfo Unchanged(TableRef table, ulong stamp)
    {
        var schema = new Schema.Builder()
            .Metadata(TableServerProtocol.StampKey, TableStamp.Format(stamp))
            .Metadata(TableServerProtocol.UnchangedKey, "1")
            .Build();
        return new FlightInfo(schema, FlightDescriptor.CreatePathDescriptor(table.Schema, table.Table), [], -1, -1);
    }

    /// <summary>The planner's view of a reported table, placed at <paramref name="site"/>.</summary>
    public static TablePlacement Placement(FlightInfo info, Site site)
    {
        var path = info.Descriptor.Paths.ToList();
        if (path.Count != 2)
            throw new ExecutionException(RemoteSqlStates.ProtocolViolation, $"capture point \"{site}\" reported a table without a [schema, table] path");
        return new TablePlacement(path[0], path[1], site, Statistics(info));
    }

    /// <summary>
    /// The statistics a reported table carries, read from its fields' metadata. A control server reads them once per
    /// listing, not per statement: with thousands of tables, parsing every field's metadata for every statement was
    /// most of a small query's cost.
    /// </summary>
    public static TableSiteStatistics Statistics(FlightInfo info)
    {
        var columns = new Dictionary<string, ColumnSiteStatistics>(StringComparer.Ordinal);
        foreach (var field in info.Schema.FieldsList)
        {
            var metadata = field.HasMetadata ? field.Metadata : new Dictionary<string, string>();
            columns[field.Name] = new ColumnSiteStatistics(FlightTableDefinition.Long(metadata, TableServerProtocol.DistinctKey),
                FlightTableDefinition.Long(metadata, TableServerProtocol.MinKey), FlightTableDefinition.Long(metadata, TableServerProtocol.MaxKey));
        }
        var rows = Math.Max(0, info.TotalRecords);
        var bytesPerRow = rows == 0 ? 0 : (double)info.TotalBytes / rows;
        return new TableSiteStatistics(rows, bytesPerRow, columns);
    }
}
