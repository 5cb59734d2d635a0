using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Name resolution and type inference: AST → logical plan over <see cref="ICatalog"/>. Errors are
/// <see cref="Errors.SqlException"/> with PostgreSQL's SQLSTATE, wording and 1-based position.
/// </summary>
public sealed class Binder(ICatalog catalog)
{
    /// <summary>Binds a query. <paramref name="parameterTypes"/> are the types a client declared in Parse (unknown = infer).</summary>
    public BoundQuery Bind(Query query, SqlList<SqlType>? parameterTypes = null)
    {
        var context = new BindingContext(catalog, parameterTypes);
        var plan = new QueryBinder(context).BindQuery(query, null, null);
        return new BoundQuery(plan, context.ResolvedParameters());
    }

    /// <summary>Binds a SELECT statement (or the statement under EXPLAIN); other statements are the engine's business.</summary>
    public BoundQuery Bind(Statement statement, SqlList<SqlType>? parameterTypes = null) => statement switch
    {
        SelectStatement select => Bind(select.Query, parameterTypes),
        ExplainStatement explain => Bind(explain.Target, parameterTypes),
        _ => throw BinderErrors.Unsupported(statement.GetType().Name.Replace("Statement", "", StringComparison.Ordinal) + " statement", statement),
    };

    public BoundQuery Bind(string sql) => Bind(SqlParser.ParseStatement(sql));
}
