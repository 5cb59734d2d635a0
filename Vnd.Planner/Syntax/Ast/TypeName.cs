namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// A type as written. SQL-standard multi-word names are normalised to PostgreSQL's internal names the way its
/// grammar does (double precision → float8, timestamp with time zone → timestamptz, character varying → varchar,
/// integer → int4, …); other names are kept (possibly schema-qualified, e.g. pg_catalog.int4).
/// </summary>
public sealed record TypeName(SqlList<string> Names, SqlList<Expr> Modifiers, int ArrayDimensions) : SqlNode
{
    public string Name => Names[^1];
}
