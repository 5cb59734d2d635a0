namespace Vnd.Bench.Distributed;

/// <summary>One query's measurements: the auto plan analyzed, each forced strategy (joins across sites only), and times.</summary>
public sealed record QueryFigures(
    DistributedQueries.Query Query,
    AnalyzedPlan Auto,
    IReadOnlyDictionary<string, (AnalyzedPlan Plan, TimeSpan Time)> Forced,
    TimeSpan Distributed,
    TimeSpan DistributedCpu,
    TimeSpan Single,
    TimeSpan SingleCpu,
    bool SameResult)
{
    /// <summary>The goal for single-table queries: below 0.1 MB moved whatever the table size.</summary>
    public const long SingleTableBytes = 100_000;

    public double PredictedOverActual => Auto.PredictedBytes / Math.Max(1, Auto.ActualBytes);

    public double TimeRatio => Distributed / Single;

    /// <summary>Actual bytes of the auto choice over the cheapest forced strategy's (or the auto plan itself).</summary>
    public double ChosenOverCheapest =>
        Auto.ActualBytes / (double)Math.Max(1, Math.Min(Auto.ActualBytes, Forced.Values.Select(f => f.Plan.ActualBytes).DefaultIfEmpty(long.MaxValue).Min()));

    public double ShipBothOverChosen =>
        Forced.TryGetValue("ship_both", out var both) ? both.Plan.ActualBytes / (double)Math.Max(1, Auto.ActualBytes) : double.NaN;

    /// <summary>Each of issue 6's goals that applies to this query, with whether it is met.</summary>
    public IEnumerable<(string Goal, bool Met)> Goals()
    {
        if (!Query.AcrossSites)
            yield return ("moves < 0.1 MB", Auto.ActualBytes < SingleTableBytes);
        else
        {
            yield return ("chosen <= 1.1x cheapest", ChosenOverCheapest <= 1.1);
            yield return (">= 10x less than ship both", ShipBothOverChosen >= 10);
        }
        yield return ("predicted within 20% of actual", PredictedOverActual is >= 0.8 and <= 1.2);
        yield return ("time <= 1.5x single-process", TimeRatio <= 1.5);
        yield return ("same result as single-process", SameResult);
    }
}
