using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.Metadata;

/// <summary>
/// The columns of the metadata relation (paper §3.3.2: how the tenant's traces were collected and parsed), one row
/// per trace table of a diagnosis, led by the tenant that owns it (a tenant sees only its own name; the admin sees
/// every tenant's rows). Only virtual names: never a hypervisor, underlay address, switch port or table
/// server. <c>packets_read</c>, <c>packets_dropped</c> and <c>decode_errors</c> are what the imports into the table
/// counted (<see cref="Control.State.CaptureStatistics"/>; packets its filter rejected are <c>packets_read - rows</c>);
/// null only for a table imported before the control state kept them (unknown, not zero).
/// </summary>
public static class MetadataColumns
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "tenant", "diagnosis", "trace_id", "table_id", "table_name", "capture_point", "direction", "flow_pattern", "fields",
        "state", "rows", "bytes", "first_ts", "last_ts", "packets_read", "packets_dropped", "decode_errors",
    ];

    public static IReadOnlyList<SqlType> Types { get; } =
    [
        SqlType.Text, SqlType.Text, SqlType.Text, SqlType.Text, SqlType.Text, SqlType.Text, SqlType.Text, SqlType.Text,
        SqlType.Text, SqlType.Text, SqlType.Int8, SqlType.Int8, SqlType.TimestampTzNanos, SqlType.TimestampTzNanos, SqlType.Int8, SqlType.Int8, SqlType.Int8,
    ];
}
