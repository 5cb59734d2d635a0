using Vnd.Planner.Binding;
using Vnd.Planner.Explain;
using Vnd.Planner.Rules;

namespace Vnd.Planner.Tests.Rules;

/// <summary>The paper's diagnosis queries (§3.3.1), bound and optimised with the default passes.</summary>
public sealed class PaperQueryTests
{
    private static string Optimised(string sql) =>
        Optimizer.Default.Optimize(new Binder(PaperCatalog.Create()).Bind(sql).Plan).Plan.ToString();

    [Fact]
    public void Throughput_groups_by_whole_epoch_seconds()
    {
        Assert.Equal(
            """
            Project: ceil#10 AS ceil#11, sum#12 AS sum#13
              Aggregate: groupBy=[ceil(date_part('epoch', ts#1)) AS ceil#10], aggr=[sum(payload_length#9) AS sum#12]
                Scan: public.in projection=[ts#1, payload_length#9]

            """.ReplaceLineEndings("\n"),
            Optimised("select ceil(ts), sum(payload_length) from \"in\" group by ceil(ts)"));
    }

    [Fact]
    public void Rtt_is_a_hash_join_on_a_computed_key()
    {
        Assert.Equal(
            """
            Project: avg#39 AS avg#40
              Aggregate: groupBy=[], aggr=[avg((t2#38 - t1#37)) AS avg#39]
                Project: ts#10 AS t1#37, ts#28 AS t2#38
                  Inner Join: keys=[(seq#16 + CAST(payload_length#18 AS int8)) = ack#35]
                    Project: ts#1 AS ts#10, seq#7 AS seq#16, payload_length#9 AS payload_length#18
                      Scan: public.t1 projection=[ts#1, src_ip#3, seq#7, payload_length#9] filters=[(src_ip#3 = '10.0.0.1'::inet)] pruning=[src_ip#3 in ['10.0.0.1'::inet, '10.0.0.1'::inet]]
                    Project: ts#19 AS ts#28, ack#26 AS ack#35
                      Scan: public.t1 projection=[ts#19, dst_ip#22, ack#26] filters=[(dst_ip#22 = '10.0.0.1'::inet)] pruning=[dst_ip#22 in ['10.0.0.1'::inet, '10.0.0.1'::inet]]

            """.ReplaceLineEndings("\n"),
            Optimised("select avg(t2 - t1) from RTT"));
    }

    [Fact]
    public void Delay_is_an_equi_join_on_the_packet_id()
    {
        var plan = Optimised("select avg(t2 - t1) from DELAY");
        Assert.Contains("Inner Join: keys=[id#2 = id#11]", plan, StringComparison.Ordinal);
        Assert.Contains("Scan: public.in projection=[ts#1, id#2]", plan, StringComparison.Ordinal);
        Assert.Contains("Scan: public.out projection=[ts#10, id#11]", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Loss_with_not_in_is_a_null_aware_anti_join()
    {
        var plan = Optimised("select * from \"in\" where \"in\".id not in (select id from Out)");
        Assert.Contains("NullAwareAnti Join: keys=[id#2 = id#11]", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Subquery", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Loss_with_not_exists_is_an_anti_join_on_hash_keys()
    {
        var plan = Optimised("select * from \"in\" i where not exists (select 1 from out o where o.id = i.id)");
        Assert.Contains("  Anti Join: keys=[id#2 = id#11]\n", plan, StringComparison.Ordinal);
        Assert.Contains("Scan: public.out projection=[id#11]", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Loss_with_left_join_is_null_is_an_anti_join()
    {
        Assert.Equal(
            """
            Project: id#2 AS id#19
              Project: id#2
                Anti Join: keys=[id#2 = id#11]
                  Scan: public.in projection=[id#2]
                  Scan: public.out projection=[id#11]

            """.ReplaceLineEndings("\n"),
            Optimised("select i.id from \"in\" i left join out o on i.id = o.id where o.id is null"));
    }

    [Fact]
    public void Explain_verbose_prints_the_plan_after_each_rule()
    {
        var plan = new Binder(PaperCatalog.Create()).Bind("select id from \"in\" where id not in (select id from out) limit 10").Plan;
        var text = VerboseExplain.Format(Optimizer.Default.Optimize(plan, new HashSet<string> { "segment_pruning_hints" }));
        Assert.StartsWith("initial_logical_plan\n  Limit: count=CAST(10 AS int8), offset=0\n", text, StringComparison.Ordinal);
        Assert.Contains("logical_plan after decorrelate_subqueries\n  Limit: count=10, offset=0\n    Project: id#2 AS id#20\n      NullAwareAnti Join: keys=[id#2 = id#11]\n", text, StringComparison.Ordinal);
        Assert.Contains("logical_plan after extract_join_keys\n  SAME TEXT AS ABOVE\n", text, StringComparison.Ordinal);
        Assert.Contains("logical_plan after segment_pruning_hints\n  SKIPPED (disabled)\n", text, StringComparison.Ordinal);
        var final = text[text.LastIndexOf("logical_plan\n", StringComparison.Ordinal)..];
        Assert.Contains("  Project: id#2 AS id#20\n    Limit: count=10, offset=0\n      NullAwareAnti Join: keys=[id#2 = id#11]\n        Scan: public.in projection=[id#2]\n", final, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_pass_leaves_its_work_undone()
    {
        var plan = new Binder(PaperCatalog.Create()).Bind("select id from \"in\" where id not in (select id from out)").Plan;
        var optimised = Optimizer.Default.Optimize(plan, new HashSet<string> { "decorrelate_subqueries" }).Plan.ToString();
        Assert.Contains("NOT IN (<subquery", optimised, StringComparison.Ordinal);
    }
}
