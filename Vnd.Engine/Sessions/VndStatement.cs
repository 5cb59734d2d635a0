using Vnd.Planner.Syntax.Ast;
using Vnd.Wire.Handlers;
using Vnd.Wire.Results;
using Vnd.Wire.Types;

namespace Vnd.Engine.Sessions;

/// <summary>
/// A statement prepared by Parse: a query (bound and optimized, with inferred parameter types and result columns)
/// or a session command (SET, SHOW, BEGIN, FETCH, ...), which runs when it is bound. Null
/// <see cref="Statement"/> is the empty query.
/// </summary>
public sealed class VndStatement(VndSession session, Statement? statement, PreparedQuery? query, uint[] parameterTypes, PgRowDescription? columns)
    : IPgStatement
{
    public Statement? Statement { get; } = statement;

    public PreparedQuery? Query { get; } = query;

    public uint[] ParameterTypes { get; } = parameterTypes;

    public PgRowDescription? Columns { get; } = columns;

    public ValueTask<PgResult> BindAsync(PgParameters parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult(session.Bind(this, parameters));

    public void Dispose()
    {
        // Nothing is held: an open result belongs to its portal.
    }
}
