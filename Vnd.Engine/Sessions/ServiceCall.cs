using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Sessions;

/// <summary>
/// <c>SELECT vnd.start_diagnosis('name', $c$…$c$, $p$…$p$)</c> and its siblings: the control server's functions,
/// called the way the paper's tenants would (§3.2.1), with literal arguments. They act on the control state, not
/// on rows, so the session runs them itself instead of planning a query.
/// </summary>
public sealed record ServiceCall(string Function, IReadOnlyList<string?> Arguments, string ColumnName)
{
    public const string Schema = "vnd";

    /// <summary>The call if <paramref name="query"/> is exactly <c>SELECT vnd.f(literals…) [AS alias]</c>.</summary>
    public static ServiceCall? Match(Query query)
    {
        if (query is not { With: null, Limit: null, Offset: null, OrderBy.Count: 0, Body: SelectCore core }
            || core is not { From.Count: 0, Where: null, GroupBy.Count: 0, Having: null, Items.Count: 1 }
            || core.Items[0].Expr is not FunctionCall { Name.Count: 2 } call
            || call.Name[0] != Schema)
            return null;
        var arguments = new string?[call.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (call.Arguments[i])
            {
                case StringLiteral text:
                    arguments[i] = text.Value;
                    break;
                case NullLiteral:
                    arguments[i] = null;
                    break;
                default:
                    return null;
            }
        }
        return new ServiceCall(call.Name[1], arguments, core.Items[0].Alias ?? call.Name[1]);
    }
}
