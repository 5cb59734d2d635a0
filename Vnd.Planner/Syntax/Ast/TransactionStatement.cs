namespace Vnd.Planner.Syntax.Ast;

/// <summary>Transaction modes as (name, value): ("isolation level", "read committed"), ("read only", null), ….</summary>
public sealed record TransactionStatement(TransactionAction Action, SqlList<SqlOption> Modes) : Statement;
