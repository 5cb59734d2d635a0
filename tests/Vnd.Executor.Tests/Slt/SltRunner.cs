namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// Checks records against an engine's answers; returns one message per failing record. An engine that crashes on a
/// record (an exception that is not a SQL error) fails that record and the file goes on, so the later records still
/// run — among them the SET TimeZone that puts a shared engine back in UTC for the next file.
/// </summary>
public static class SltRunner
{
    public static List<string> Check(IEnumerable<SltRecord> records, Func<string, SltResult> run)
    {
        var failures = new List<string>();
        foreach (var record in records)
        {
            if (record.SkipReason is not null)
                continue;
            SltResult result;
            try
            {
                result = run(record.Sql);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
            {
                failures.Add($"{record}: crashed: {e.GetType().Name}: {e.Message}\n  SQL: {record.Sql.ReplaceLineEndings(" ")}");
                continue;
            }
            if (Failure(record, result) is { } failure)
                failures.Add($"{record}: {failure}\n  SQL: {record.Sql.ReplaceLineEndings(" ")}");
        }
        return failures;
    }

    public static string? Failure(SltRecord record, SltResult result)
    {
        if (record.ExpectedError is { } state)
        {
            return result.ErrorState is null ? $"expected error {state}, got {result.Rows!.Count} rows"
                : result.ErrorState == state || state.Length == 0 ? null
                : $"expected error {state}, got {result.ErrorState}: {result.ErrorMessage}";
        }
        if (result.ErrorState is not null)
            return $"unexpected error {result.ErrorState}: {result.ErrorMessage}";
        return record.IsQuery ? SltComparer.Difference(record.Expected, result.Lines(), record.Types!, record.Sort) : null;
    }
}
