namespace Vnd.Bench.Queries;

/// <summary>One engine under measurement: runs a statement and reads its whole result.</summary>
public interface IQueryEngine : IDisposable
{
    string Name { get; }

    /// <summary>Runs <paramref name="sql"/>, reads every value of every row, and returns the row count and a
    /// checksum of what was read (so the reading cannot be optimised away).</summary>
    QueryOutcome Run(string sql);
}

/// <summary>What one run returned.</summary>
public readonly record struct QueryOutcome(long Rows, long Checksum);
