using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Executor.Tests.Operators;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Rules;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Tests.PhysicalPlanning;

/// <summary>SQL → binder → optimizer → physical plan over the generated In/Out trace tables, checked against LINQ.</summary>
public sealed class PhysicalPlannerTests
{
    private static readonly (List<TracePacket> In, List<TracePacket> Out) Packets = TracePacket.Generate(6_000, 7);

    private static List<object?[]> Sql(string sql)
    {
        var catalog = new InMemoryCatalog();
        var tables = new Dictionary<string, InMemoryTable>
        {
            ["packets_in"] = TracePacket.Table(Packets.In),
            ["packets_out"] = TracePacket.Table(Packets.Out),
        };
        foreach (var name in tables.Keys)
        {
            catalog.AddTable(new TableDefinition("public", name,
                SqlList.From(TracePacket.Names.Select((n, i) => new ColumnDefinition(n, TracePacket.Types[i])))));
        }
        var bound = new Binder(catalog).Bind(sql);
        var optimized = Optimizer.Default.Optimize(bound.Plan).Plan;
        var plan = new PhysicalPlanner(scan => tables[scan.Table]).Plan(optimized);
        return Plans.Run(plan);
    }

    [Fact]
    public void Count_star() =>
        Assert.Equal((long)Packets.In.Count, Assert.Single(Sql("select count(*) from packets_in"))[0]);

    [Fact]
    public void Throughput_per_second_is_the_papers_query()
    {
        var rows = Sql("select ceil(ts) as s, sum(payload_length) from packets_in group by 1 order by 1");
        var expected = Packets.In.GroupBy(p => Math.Ceiling(p.Ts)).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}|{g.Sum(p => (long)p.Length)}").ToList();
        Assert.Equal(expected, rows.Select(r => $"{Convert.ToDouble(r[0])}|{Convert.ToInt64(r[1])}").ToList());
    }

    [Fact]
    public void Rtt_self_join_with_computed_key_filter_and_top_n()
    {
        var rows = Sql("""
            select d.id, a.ts - d.ts as rtt from packets_in d join packets_in a on d.seq + d.payload_length = a.ack
            and d.srcport = a.dstport where d.payload_length > 0 and a.ts > d.ts order by d.id, rtt limit 50
            """);
        var expected = (from d in Packets.In
                        join a in Packets.In on (d.Seq + d.Length, d.SrcPort) equals (a.Ack, a.DstPort)
                        where d.Length > 0 && a.Ts > d.Ts
                        orderby d.Id, a.Ts - d.Ts
                        select $"{d.Id}|{a.Ts - d.Ts}").Take(50).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => $"{r[0]}|{r[1]}").ToList());
    }

    [Fact]
    public void Lost_packets_by_not_in_and_left_join_agree()
    {
        var lost = Packets.In.Select(p => p.Id).Except(Packets.Out.Select(p => p.Id)).Count();
        Assert.True(lost > 0);
        Assert.Equal((long)lost, Sql("select count(*) from packets_in where id not in (select id from packets_out)")[0][0]);
        Assert.Equal((long)lost, Sql("select count(*) from packets_in i left join packets_out o on i.id = o.id where o.id is null")[0][0]);
        Assert.Equal((long)lost, Sql("select count(*) from packets_in i where not exists (select 1 from packets_out o where o.id = i.id)")[0][0]);
    }

    [Fact]
    public void Distinct_values_set_operations_and_filtered_aggregates()
    {
        var ports = Packets.In.Select(p => p.DstPort).Distinct().Count();
        Assert.Equal(ports, Sql("select distinct dstport from packets_in").Count);
        Assert.Equal(["1|a", "2|b"], Sql("select * from (values (2, 'b'), (1, 'a')) v(n, s) order by n").Select(r => $"{r[0]}|{r[1]}"));
        Assert.Equal(Packets.In.Count - Packets.Out.Count,
            Sql("select id from packets_in except select id from packets_out").Count);
        var rows = Sql("select count(*) filter (where payload_length = 0), max(payload_length) from packets_in");
        Assert.Equal((long)Packets.In.Count(p => p.Length == 0), rows[0][0]);
        Assert.Equal(Packets.In.Max(p => p.Length), Convert.ToInt32(rows[0][1]));
    }

    [Fact]
    public void Unsupported_plans_fail_with_0A000()
    {
        var e = Assert.Throws<ExecutionException>(() => Sql("select id, lag(id, dstport) over (order by ts) from packets_in"));
        Assert.Equal(SqlState.FeatureNotSupported, e.SqlState);
    }
}
