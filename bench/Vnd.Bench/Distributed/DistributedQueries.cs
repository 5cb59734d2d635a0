using Vnd.Bench.Queries;

namespace Vnd.Bench.Distributed;

/// <summary>
/// The paper's queries of §3.3 / §5.3 over In (<c>pin</c>) and Out (<c>pout</c>). Single-table ones (throughput per
/// second, RTT as a self-join of In on seq + len = ack) should move almost nothing; the joins between capture points
/// (one-hop delay on the packet id, loss as In anti-join Out) are where the join strategy matters. Loss counts the
/// lost packets instead of listing them, so what is measured is the join's traffic, not the delivery of the answer.
/// </summary>
public static class DistributedQueries
{
    public sealed record Query(string Name, string Sql, bool AcrossSites);

    public static IReadOnlyList<Query> All { get; } =
    [
        new("throughput per second (In)", "select ceil(ts), sum(payload_length) from pin group by ceil(ts)", false),
        new("RTT (In self-join)", Single("RTT one host pair"), false),
        new("one-hop delay In⋈Out", "select count(*), avg(pout.ts - pin.ts) from pin, pout where pin.id = pout.id", true),
        new("loss In▷Out", "select count(*) from pin i where not exists (select 1 from pout o where o.id = i.id)", true),
    ];

    private static string Single(string name)
    {
        foreach (var query in DiagnosisQueries.All)
        {
            if (query.Name == name)
                return query.Vnd;
        }
        throw new InvalidOperationException("no diagnosis query " + name);
    }
}
