namespace Vnd.Planner.Distributed;

/// <summary>
/// Data moving between sites: fragment <see cref="Producer"/>'s result, read by fragment <see cref="Consumer"/>.
/// Rows and bytes are the planner's prediction (what EXPLAIN shows next to the actual count).
/// </summary>
public sealed record Exchange(int Producer, int Consumer, Site From, Site To, ExchangeKind Kind, double PredictedRows, double PredictedBytes)
{
    public override string ToString() =>
        $"exchange {Kind} fragment {Producer} ({From}) -> fragment {Consumer} ({To}): rows={PredictedRows:0} bytes={PredictedBytes:0}";
}
