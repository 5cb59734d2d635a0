using System.Globalization;
using System.Text.RegularExpressions;

namespace Vnd.Bench.Distributed;

/// <summary>
/// The figures of one distributed EXPLAIN ANALYZE: bytes the planner predicted the plan moves, the Arrow IPC bytes
/// it actually moved (exchanges plus the result's delivery from a table server), and the strategy of each join
/// across sites as EXPLAIN names it.
/// </summary>
public sealed partial record AnalyzedPlan(double PredictedBytes, long ActualBytes, IReadOnlyList<string> Strategies, IReadOnlyList<string> Lines)
{
    public static AnalyzedPlan Parse(IReadOnlyList<string> lines)
    {
        double? predicted = null;
        long? actual = null;
        var strategies = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("Predicted bytes moved: ", StringComparison.Ordinal))
                predicted = double.Parse(line["Predicted bytes moved: ".Length..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("Actual bytes moved: ", StringComparison.Ordinal))
                actual = long.Parse(line["Actual bytes moved: ".Length..], CultureInfo.InvariantCulture);
            else if (JoinLine().Match(line) is { Success: true } join && join.Groups["strategy"].Value != "Colocated")
                strategies.Add(join.Groups["strategy"].Value);
        }
        if (predicted is null || actual is null)
            throw new InvalidOperationException("not a distributed EXPLAIN ANALYZE:\n" + string.Join('\n', lines));
        return new AnalyzedPlan(predicted.Value, actual.Value, strategies, lines);
    }

    public string Strategy => Strategies.Count == 0 ? "-" : string.Join("+", Strategies);

    /// <summary>A join decision: "Inner join pin x pout at …: ShipLeft (rows=…)"; the semi join of a reduction ends in "keys".</summary>
    [GeneratedRegex(@"^\w+ join \S+ x \S+ at .*: (?<strategy>\w+) \(rows=\d+\)$")]
    private static partial Regex JoinLine();
}
