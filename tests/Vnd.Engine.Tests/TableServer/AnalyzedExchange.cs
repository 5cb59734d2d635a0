using System.Globalization;
using System.Text.RegularExpressions;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// One exchange line of a distributed EXPLAIN ANALYZE, its predicted and actual figures parsed; an exchange that
/// never ran (a set reconciliation's fallback keys when the difference peeled) has rows and bytes of −1.
/// </summary>
internal sealed partial record AnalyzedExchange(int Producer, string Kind, long PredictedRows, long PredictedBytes, long Rows, long Bytes)
{
    public static List<AnalyzedExchange> All(IEnumerable<string> plan)
    {
        var exchanges = new List<AnalyzedExchange>();
        foreach (var line in plan)
        {
            if (!line.StartsWith("Exchange", StringComparison.Ordinal))
                continue;
            var m = Line().Match(line);
            Assert.True(m.Success, line);
            var ran = m.Groups["rows"].Success;
            exchanges.Add(new AnalyzedExchange(Int(m, "producer"), m.Groups["kind"].Value, Long(m, "prows"), Long(m, "pbytes"),
                ran ? Long(m, "rows") : -1, ran ? Long(m, "bytes") : -1));
        }
        return exchanges;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static long Long(Match m, string group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Exchange fragment (?<producer>\d+) at ""[^""]+"" -> fragment \d+ at ""[^""]+"": (?<kind>\w+), predicted rows=(?<prows>\d+) bytes=(?<pbytes>\d+), (actual rows=(?<rows>\d+) bytes=(?<bytes>\d+) time=\d+\.\d{3} ms|\(never executed\))$")]
    private static partial Regex Line();
}
