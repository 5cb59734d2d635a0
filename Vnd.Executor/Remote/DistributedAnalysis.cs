using System.Globalization;
using Vnd.Executor.Operators;
using Vnd.Planner.Distributed;

namespace Vnd.Executor.Remote;

/// <summary>
/// EXPLAIN ANALYZE of a distributed plan: the coordinator's operators with every exchange measured
/// (<see cref="ExchangeActuals"/>: table servers measure the exchanges they read and send them back in their
/// trailers). Run <see cref="Physical"/> to the end, counting its rows, then ask for the <see cref="Report"/>: EXPLAIN's
/// fragments and exchanges with the actual rows, Arrow IPC bytes and time next to the predicted ones, and the total
/// bytes moved predicted and actual. A fragment's time is the time its consumer spent reading it (its own inputs
/// included); the result fragment at the coordinator takes the execution time. Operators inside a remote fragment
/// are not itemized.
/// </summary>
public sealed class DistributedAnalysis
{
    private readonly ExchangeActuals _actuals = new();

    public DistributedAnalysis(DistributedQuery query)
    {
        Plan = query.Plan;
        Physical = query.Root(_actuals);
    }

    public DistributedPlan Plan { get; }

    public PhysicalOperator Physical { get; }

    /// <summary>What fragment <paramref name="producer"/>'s exchange moved, null if it never ran.</summary>
    public ExchangeActual? Exchange(int producer) => _actuals.For(producer);

    /// <summary>Bytes that crossed between sites: every exchange, plus the result's delivery when it is not produced here.</summary>
    public long ActualBytesMoved()
    {
        long bytes = 0;
        foreach (var exchange in Plan.Exchanges)
            bytes += _actuals.For(exchange.Producer)?.Bytes ?? 0;
        if (!Plan.RootFragment.Site.IsCoordinator)
            bytes += _actuals.For(Plan.Root)?.Bytes ?? 0;
        return bytes;
    }

    public IReadOnlyList<string> Report(long resultRows, TimeSpan execution)
    {
        var text = DistributedPlanText.Format(Plan, fragment => FragmentNote(fragment, resultRows, execution), ExchangeNote);
        var lines = new List<string>(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var root = Plan.RootFragment;
        if (!root.Site.IsCoordinator)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"Result fragment {root.Id} at \"{root.Site}\" -> coordinator: predicted rows={root.PredictedRows:0} bytes={root.PredictedBytes:0}, ") +
                (_actuals.For(root.Id) is { } a ? Actual(a.Rows, a.Bytes, a.Elapsed) : "(never executed)"));
        }
        lines.AddRange(
        [
            "Actual bytes moved: " + ActualBytesMoved().ToString(CultureInfo.InvariantCulture),
            "Execution Time: " + Milliseconds(execution) + " ms",
        ]);
        return lines;
    }

    private string FragmentNote(PlanFragment fragment, long resultRows, TimeSpan execution)
    {
        if (fragment.Id == Plan.Root && fragment.Site.IsCoordinator)
            return Actual(resultRows, null, execution);
        return _actuals.For(fragment.Id) is { } actual ? Actual(actual.Rows, null, actual.Elapsed) : "(never executed)";
    }

    private string ExchangeNote(Exchange exchange) =>
        _actuals.For(exchange.Producer) is { } actual ? Actual(actual.Rows, actual.Bytes, actual.Elapsed) : "(never executed)";

    private static string Actual(long rows, long? bytes, TimeSpan time) =>
        bytes is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"actual rows={rows} bytes={b} time={Milliseconds(time)} ms")
            : string.Create(CultureInfo.InvariantCulture, $"(actual rows={rows} time={Milliseconds(time)} ms)");

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture);
}
