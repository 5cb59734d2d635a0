using Vnd.Wire.Results;

namespace Vnd.Wire.Handlers;

/// <summary>
/// Rows streamed by the engine. Execute pulls them in slices: each call writes at most maxRows rows through the
/// writer (typed Write calls, no boxing) — a batch of the engine's vectors fits naturally.
/// </summary>
public abstract class PgRowsResult : PgResult
{
    public abstract PgRowDescription Columns { get; }

    /// <summary>Writes up to <paramref name="maxRows"/> rows; returns false once no rows remain.</summary>
    public abstract ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken);

    /// <summary>CommandComplete tag once all rows are sent.</summary>
    public virtual string CommandTag(long rowCount) => "SELECT " + rowCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
