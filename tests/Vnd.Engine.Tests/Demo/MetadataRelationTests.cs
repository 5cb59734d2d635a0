using Vnd.Engine.Control.State;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Tests.Demo;

public sealed class MetadataRelationTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private List<Dictionary<string, object?>> Rows(string tenant)
    {
        using var state = new ControlStateStore(demo.Path);
        return MetadataRows.Of(state, new TraceTableStore(demo.Path), tenant);
    }

    [Fact]
    public void Each_tenant_sees_only_its_own_trace_tables_with_virtual_names_and_statistics()
    {
        var tenant1 = Rows("tenant1");
        var tenant2 = Rows("tenant2");
        Assert.Equal(["a", "b", "c"], tenant1.Select(r => (string)r["table_name"]!));
        Assert.Equal(["lb_in", "lb_out"], tenant2.Select(r => (string)r["table_name"]!));
        Assert.Equal(["node lb", "node lb"], tenant2.Select(r => (string)r["capture_point"]!));
        Assert.Equal(["input", "output"], tenant2.Select(r => (string)r["direction"]!));
        Assert.Equal(["link A at re", "link B at ids", "link C at server"], tenant1.Select(r => (string)r["capture_point"]!));
        var expected = demo.Summary.Tables.Where(t => t.Diagnosis is not null).Select(t => t.Rows);
        Assert.Equal(expected, tenant1.Concat(tenant2).Select(r => (long)r["rows"]!));
        Assert.All(tenant1.Concat(tenant2), r =>
        {
            Assert.Equal("demo", r["diagnosis"]);
            Assert.Equal("stopped", r["state"]);
            Assert.StartsWith("ts, src_ip, dst_ip, ip_id", (string)r["fields"]!);
            Assert.True((DateTime)r["first_ts"]! < (DateTime)r["last_ts"]!);
            Assert.Equal(2026, ((DateTime)r["first_ts"]!).Year);
            // The seeder attaches generated captures: every packet read, none lost, none malformed; the tables
            // keep the TCP packets of their capture point.
            Assert.Equal(0L, r["packets_dropped"]);
            Assert.Equal(0L, r["decode_errors"]);
            Assert.True((long)r["packets_read"]! >= (long)r["rows"]!);
        });
    }

    [Fact]
    public void No_physical_name_reaches_a_tenant()
    {
        var text = string.Join(" ", Rows("tenant1").Concat(Rows("tenant2")).SelectMany(r => r.Values).Select(v => v?.ToString()));
        foreach (var physical in new[] { "hv1", "hv2", "ts-hv", "192.168.100", "tap-t", "vnd-c", "br-int", "vxlan0" })
            Assert.DoesNotContain(physical, text);
    }

    [Fact]
    public void A_predicate_that_fails_on_another_tenants_row_never_meets_it()
    {
        // The security barrier: 1/(rows - k) with k one of tenant2's row counts divides by zero only on tenant2's
        // row, and tenant1's relation does not hold that row at all.
        var k = (long)Rows("tenant2")[0]["rows"]!;
        var tenant1 = Rows("tenant1");
        Assert.DoesNotContain(k, tenant1.Select(r => (long)r["rows"]!));
        Assert.All(tenant1, r => Assert.True(1.0 / ((long)r["rows"]! - k) is not double.PositiveInfinity and not double.NegativeInfinity));
        Assert.Empty(Rows("tenant3"));
    }
}
