using Vnd.Wire.Errors;
using Vnd.Wire.Protocol;

namespace Vnd.Engine.Sessions;

/// <summary>
/// BEGIN/COMMIT/ROLLBACK as PostgreSQL reports them. VND's tables are read-only snapshots, so a block has nothing
/// to commit; it matters to clients for the ReadyForQuery status (I/T/E), for cursors, and for the rule that after
/// an error in a block every statement but COMMIT/ROLLBACK fails with 25P02.
/// </summary>
public sealed class TransactionBlock
{
    public PgTransactionStatus Status { get; private set; } = PgTransactionStatus.Idle;

    public bool InBlock => Status != PgTransactionStatus.Idle;

    /// <summary>
    /// When the open block began, to the microsecond: now() and 'now' of every statement in it (PostgreSQL's
    /// transaction timestamp); null outside a block, where each statement is its own transaction.
    /// </summary>
    public DateTime? Start { get; private set; }

    /// <summary>BEGIN; false (a WARNING for the client) when a block is already open.</summary>
    public bool Begin()
    {
        if (InBlock)
            return false;
        Status = PgTransactionStatus.InTransaction;
        Start = new DateTime(DateTime.UtcNow.Ticks / 10 * 10, DateTimeKind.Utc);
        return true;
    }

    /// <summary>COMMIT or ROLLBACK; returns the tag (a failed block's COMMIT reports ROLLBACK) or null when no block was open.</summary>
    public string? End(bool commit)
    {
        if (!InBlock)
            return null;
        var tag = commit && Status == PgTransactionStatus.InTransaction ? "COMMIT" : "ROLLBACK";
        Status = PgTransactionStatus.Idle;
        Start = null;
        return tag;
    }

    /// <summary>An error inside a block aborts it.</summary>
    public void Fail()
    {
        if (InBlock)
            Status = PgTransactionStatus.Failed;
    }

    /// <summary>Throws 25P02 when the block has failed (every statement except COMMIT/ROLLBACK checks this).</summary>
    public void CheckNotAborted()
    {
        if (Status == PgTransactionStatus.Failed)
            throw new PgErrorException("25P02", "current transaction is aborted, commands ignored until end of transaction block");
    }
}
