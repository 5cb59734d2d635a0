using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>A FROM item visible to name resolution: its alias (or table name), schema when a table, and columns.</summary>
internal sealed record ScopeRelation(string Alias, string? Schema, SqlList<PlanColumn> Columns);
