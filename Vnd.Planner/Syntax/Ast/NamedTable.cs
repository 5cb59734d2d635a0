namespace Vnd.Planner.Syntax.Ast;

public sealed record NamedTable(SqlList<string> Name, TableAlias? Alias) : TableRef
{
    /// <summary>TABLESAMPLE …, or null.</summary>
    public TableSample? Sample { get; init; }
}
