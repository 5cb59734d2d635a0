using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Catalog;

/// <summary>A table (trace table or temporary table) visible to a tenant.</summary>
public sealed record TableDefinition(string Schema, string Name, SqlList<ColumnDefinition> Columns, TableStatistics? Statistics = null)
{
    public string QualifiedName => Schema + "." + Name;
}
