using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// Seeded random scalar expressions (<see cref="RandomExpressions"/>) on VND and on the PostgreSQL 15 of
/// <see cref="PostgresFixture"/>: answers must agree (float8 and inexact numeric to 12 digits, the rest as text)
/// and errors must carry the same SQLSTATE. A fixed seed in CI, so a failure reproduces; VND_EXPR_SEED and
/// VND_EXPR_QUERIES explore further, VND_EXPR_REPORT names a file that receives every disagreement, and
/// VND_EXPR_REPLAY names a file of queries (one a line, compared as text) to run instead, for triage.
/// </summary>
public sealed partial class ExpressionDifferentialTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private readonly VndEngine _vnd = new(SltCorpus.SetupSql);

    [Fact]
    public void Random_expressions_agree_with_postgres()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("VND_EXPR_SEED"), out var s) ? s : 20261127;
        var count = int.TryParse(Environment.GetEnvironmentVariable("VND_EXPR_QUERIES"), out var c) ? c : 2000;
        var failures = new List<string>();
        var answered = 0;
        var clock = Stopwatch.StartNew();
        var queries = Environment.GetEnvironmentVariable("VND_EXPR_REPLAY") is { Length: > 0 } replay
            ? File.ReadAllLines(replay).Where(l => l.Length > 0).Select(l => (Sql: l, Types: "")).ToList()
            : RandomExpressions.Take(seed, count).ToList();
        count = queries.Count;
        var index = -1;
        foreach (var (sql, generatedTypes) in queries)
        {
            index++;
            var expected = postgres.Engine.Run(sql);
            if (expected.ErrorState is null)
                answered++;
            SltResult actual;
            try
            {
                actual = _vnd.Run(sql);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Anything but a SqlException is a VND bug whatever PostgreSQL said; keep going to report the rest.
                failures.Add($"#{index} VND threw {e.GetType().Name}: {e.Message} (PostgreSQL {expected.ErrorState ?? "ok"})\n  at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}\n  SQL: {sql}");
                continue;
            }
            var types = generatedTypes.Length > 0 ? generatedTypes
                : new string('T', expected.Rows is [var first, ..] ? first.Length : actual.Rows is [var row, ..] ? row.Length : 1);
            if (Disagreement(sql, expected, actual, types) is { } difference)
                failures.Add($"#{index} {difference}\n  SQL: {sql}");
        }
        if (Environment.GetEnvironmentVariable("VND_EXPR_REPORT") is { Length: > 0 } report)
            File.WriteAllText(report, $"seed {seed}, {count} queries, {answered} answered, {clock.Elapsed.TotalSeconds:F1} s\n\n" + string.Join("\n\n", failures));
        // Most expressions must be answered, not rejected alike by both: otherwise the generator tests only errors.
        Assert.True(answered >= count / 2, $"only {answered} of {count} random expressions answered by PostgreSQL");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} random expressions (seed {seed}) disagree:\n" + string.Join("\n", failures.Take(40)));
    }

    private string? Disagreement(string sql, SltResult expected, SltResult actual, string types)
    {
        if (expected.ErrorState is not null || actual.ErrorState is not null)
        {
            return expected.ErrorState == actual.ErrorState || BothRefuse(expected, actual) || EvaluationOrder(sql, expected, actual) || ShortCircuit(sql, expected, actual) || Limitation(expected, actual) ? null
                : $"PostgreSQL {expected.ErrorState ?? "ok"} ({expected.ErrorMessage ?? Sample(expected)}), VND {actual.ErrorState ?? "ok"} ({actual.ErrorMessage ?? Sample(actual)})";
        }
        return SltComparer.Difference(expected.Lines(), actual.Lines(), types, SltSort.RowSort);
    }

    /// <summary>
    /// Both refuse an ill-typed query, one for its types (class 42) and one for a literal's input (class 22): which
    /// is reported first is the order of analysis (PostgreSQL reads a literal as its cast type while analysing,
    /// VND folds it after binding), not a different answer.
    /// </summary>
    private static bool BothRefuse(SltResult expected, SltResult actual) =>
        (expected.ErrorState, actual.ErrorState) is (['4', '2', ..], ['2', '2', ..]) or (['2', '2', ..], ['4', '2', ..]);

    /// <summary>
    /// Data errors that depend on what is evaluated first, which SQL leaves to the engine, so they are not compared:
    /// both engines fail with a data exception (class 22) but name different ones (PostgreSQL evaluates row by row,
    /// VND a column at a time, so another row or operand fails first), or PostgreSQL fails while planning (its
    /// eval_const_expressions evaluates a constant subexpression such as abs(-32768::int2) even where no row reaches
    /// it, 22xxx or 0A000; VND evaluates constants on rows only, answering or failing on another operand). The
    /// second is told by PostgreSQL failing alike in EXPLAIN, which plans without reading a row.
    /// </summary>
    private bool EvaluationOrder(string sql, SltResult expected, SltResult actual)
    {
        if (expected.ErrorState is null || actual.ErrorState is ['4', '2', ..])
            return false;
        if (expected.ErrorState is ['2', '2', ..] && actual.ErrorState is ['2', '2', ..])
            return true;
        return actual.ErrorState is null or ['2', '2', ..] && postgres.Engine.Run($"EXPLAIN {sql}").ErrorState == expected.ErrorState;
    }

    /// <summary>
    /// VND raises a data exception where PostgreSQL answers because PostgreSQL skipped the operand that fails: on a
    /// row where the left operand of AND/OR decides, PostgreSQL does not evaluate the right, VND evaluates whole
    /// columns (SQL leaves the order open; CASE is the construct that guards, and VND honours it). Told by
    /// PostgreSQL failing too when every operand is evaluated (<see cref="EagerRewrite"/>).
    /// </summary>
    private bool ShortCircuit(string sql, SltResult expected, SltResult actual) =>
        expected.ErrorState is null && actual.ErrorState is ['2', '2', ..]
        && postgres.Engine.Run(EagerRewrite.Apply(sql)).ErrorState is ['2', '2', ..];

    /// <summary>
    /// VND's documented ranges, where it refuses what PostgreSQL answers: numeric is a 28-digit decimal (a result
    /// or an intermediate needing more digits is 22003 "numeric field overflow", not rounded), and dates and
    /// timestamps are years 1–9999 (22008 or 0A000 where PostgreSQL's answer holds a BC or five-digit year), and
    /// EXTRACT of an infinite time (numeric infinity) is 0A000.
    /// </summary>
    private static bool Limitation(SltResult expected, SltResult actual)
    {
        if (expected.ErrorState is not null)
            return false;
        if (actual.ErrorState == "22003" && actual.ErrorMessage!.Contains("numeric", StringComparison.Ordinal))
            return true;
        // extract() of an infinite time is numeric infinity, which a decimal cannot hold (VND's message says so).
        if (actual.ErrorState == "0A000" && actual.ErrorMessage!.Contains("numeric infinity", StringComparison.Ordinal))
            return true;
        return actual.ErrorState is "22008" or "0A000"
            && expected.Rows!.Any(r => r.Any(v => v is not null && (v.EndsWith(" BC", StringComparison.Ordinal) || BeyondYear9999().IsMatch(v))));
    }

    [GeneratedRegex(@"^\d{5,}-\d\d-\d\d")]
    private static partial Regex BeyondYear9999();

    /// <summary>The first rows of an answer, for a report where the other engine failed.</summary>
    private static string Sample(SltResult result) => string.Join("; ", result.Lines().Take(4));
}
