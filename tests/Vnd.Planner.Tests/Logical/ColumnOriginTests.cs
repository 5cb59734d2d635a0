using Vnd.Planner.Binding;
using Vnd.Planner.Logical;
using Vnd.Planner.Rules;
using Vnd.Planner.Tests.Rules;

namespace Vnd.Planner.Tests.Logical;

/// <summary>
/// Which table column each result column reads unchanged (RowDescription's table OID and attribute number), after
/// the default optimizer passes, as PostgreSQL's markTargetListOrigins decides it.
/// </summary>
public sealed class ColumnOriginTests
{
    private static string Origins(string sql)
    {
        var plan = Optimizer.Default.Optimize(new Binder(PaperCatalog.Create()).Bind(sql).Plan).Plan;
        return string.Join(", ", ColumnOrigins.Of(plan).Select(o => o is null ? "-" : $"{o.Schema}.{o.Table}:{o.Ordinal + 1}"));
    }

    [Theory]
    [InlineData("select ts, src_ip as source from t1", "public.t1:1, public.t1:3")]
    [InlineData("select seq + 1, count(*) from t1 group by seq", "-, -")]
    [InlineData("select s, n from (select src_ip as s, count(*) as n from t1 group by src_ip) d order by n", "public.t1:3, -")]
    [InlineData("select distinct dst_ip from t1 where seq > 5", "public.t1:4")]
    [InlineData("select t1, t2 from delay", "public.in:1, public.out:1")]
    [InlineData("select f.ts, b.ack from T1.f as f left join T1.b as b on f.seq = b.ack", "public.t1:1, public.t1:8")]
    [InlineData("select src_ip from t1 union all select dst_ip from t1", "public.t1:3")]
    [InlineData("select 1, 'x'", "-, -")]
    [InlineData("with c as (select ack from t1) select ack from c", "public.t1:8")]
    public void A_plain_column_reference_keeps_its_table_column(string sql, string expected) => Assert.Equal(expected, Origins(sql));
}
