using Vnd.Planner.Catalog;
using Vnd.Planner.Tests.Binding;

namespace Vnd.Planner.Tests.Rules;

/// <summary>
/// The paper's §3.3.1 setting: trace tables In and Out, trace T1 with the views its RTT query builds
/// (T1.f / T1.b are views in schema t1 — "create view T1.f as select * from T1 where srcIP=IP1"), RTT and DELAY.
/// The paper writes In unquoted; IN is reserved in PostgreSQL's grammar, so the table is spelled "in" here.
/// </summary>
internal static class PaperCatalog
{
    public static InMemoryCatalog Create()
    {
        var catalog = TraceCatalog.Create();
        catalog.AddTable(new TableDefinition("public", "t1", TraceCatalog.PacketColumns));
        catalog.AddView(new ViewDefinition("t1", "f", "select * from public.T1 where src_ip = '10.0.0.1'", []));
        catalog.AddView(new ViewDefinition("t1", "b", "select * from public.T1 where dst_ip = '10.0.0.1'", []));
        catalog.AddView(new ViewDefinition("public", "rtt",
            "select f.ts as t1, b.ts as t2 from T1.f as f, T1.b as b where f.seq + f.payload_length = b.ack", []));
        catalog.AddView(new ViewDefinition("public", "delay",
            "select i.ts as t1, o.ts as t2 from \"in\" as i, out as o where i.id = o.id", []));
        return catalog;
    }
}
