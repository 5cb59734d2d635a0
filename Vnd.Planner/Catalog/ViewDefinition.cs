using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Catalog;

/// <summary>
/// A view stored as its SQL text (the query of CREATE VIEW), as PostgreSQL keeps the rewritten query: the binder
/// parses and expands it on every use, so a view never holds bound column ids. <see cref="ColumnNames"/> renames
/// the query's output columns (CREATE VIEW v (a, b) AS …); empty keeps the query's names.
/// </summary>
public sealed record ViewDefinition(string Schema, string Name, string Sql, SqlList<string> ColumnNames);
