namespace Vnd.Planner.Distributed;

/// <summary>
/// The coordinator's instants for one statement, shipped with every fragment so that now(), statement_timestamp()
/// and 'now' fold to the same value at every site, as PostgreSQL's are the same everywhere within a statement:
/// <paramref name="Statement"/> is statement_timestamp(), <paramref name="Transaction"/> the start of the open
/// transaction block (now(), transaction_timestamp()), null outside a block, where now() is the statement's time.
/// Both are UTC, to the microsecond. <paramref name="TimeZone"/> is the session's TimeZone setting (a name such as
/// Europe/Berlin), which expressions read timestamptz calendars in (::date, date_trunc, extract, text), so every
/// site computes them in the coordinator's session zone, not its own.
/// </summary>
public sealed record StatementTimes(DateTime Statement, DateTime? Transaction, string TimeZone = "UTC");
