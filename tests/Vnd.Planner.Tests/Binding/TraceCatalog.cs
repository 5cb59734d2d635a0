using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Tests.Binding;

/// <summary>The paper's two trace tables In and Out (one row per packet at each capture point) plus a small view.</summary>
internal static class TraceCatalog
{
    public static SqlList<ColumnDefinition> PacketColumns { get; } =
    [
        new("ts", SqlType.TimestampTz),
        new("id", SqlType.Int8),
        new("src_ip", SqlType.Inet),
        new("dst_ip", SqlType.Inet),
        new("src_port", SqlType.Int4),
        new("dst_port", SqlType.Int4),
        new("seq", SqlType.Int8),
        new("ack", SqlType.Int8),
        new("payload_length", SqlType.Int4),
    ];

    public static InMemoryCatalog Create()
    {
        var catalog = new InMemoryCatalog(["public"]);
        catalog.AddTable(new TableDefinition("public", "in", PacketColumns, new TableStatistics(1_000_000, 64_000_000)));
        catalog.AddTable(new TableDefinition("public", "out", PacketColumns, new TableStatistics(990_000, 63_000_000)));
        catalog.AddTable(new TableDefinition("tenant1", "flows", [new("id", SqlType.Int8), new("name", SqlType.Text), new("small", SqlType.Int2)]));
        catalog.AddView(new ViewDefinition("public", "tcp_data", "select ts, id, payload_length from \"in\" where payload_length > 0", []));
        catalog.AddView(new ViewDefinition("public", "loop", "select * from loop", []));
        return catalog;
    }
}
