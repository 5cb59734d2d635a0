using Vnd.Executor.Expressions;
using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// Functions whose value comes from the session (current_user, current_database(), current_setting, set_config,
/// pg_backend_pid(), version()). Each is folded to a constant when the statement is bound; current_setting over a
/// computed name becomes a look-up over the session's settings.
/// </summary>
internal static class SessionFunctions
{
    private static readonly SqlType T = SqlType.Text;

    public static IEnumerable<FunctionSignature> For(SessionInfo session)
    {
        foreach (var name in (string[])["current_user", "session_user", "user", "current_role", "getpgusername"])
            yield return Fixed(name, T, session.User);
        yield return Fixed("current_database", T, session.Database);
        yield return Fixed("current_catalog", T, session.Database);
        yield return new FunctionSignature("current_schema", FunctionKind.Scalar, SqlList<SqlType>.Empty, T) { Expand = _ => Macro.Constant(session.CurrentSchema, T) };
        yield return Fixed("pg_backend_pid", SqlType.Int4, session.BackendPid);
        yield return Fixed("version", T, $"PostgreSQL {SessionInfo.ServerVersion} on x86_64-pc-linux-gnu, compiled by VND");
        yield return Fixed("pg_is_in_recovery", SqlType.Bool, false);
        yield return new FunctionSignature("current_setting", FunctionKind.Scalar, [T], T) { Expand = a => Setting(session, a[0], missingOk: false) };
        yield return new FunctionSignature("current_setting", FunctionKind.Scalar, [T, SqlType.Bool], T)
        {
            Expand = a => Setting(session, a[0], Macro.TryConstant(a[1], out var ok) && ok is true),
        };
        yield return new FunctionSignature("current_schemas", FunctionKind.Scalar, [SqlType.Bool], T) { Expand = a => CurrentSchemas(session, a[0]) };
        yield return new FunctionSignature("set_config", FunctionKind.Scalar, [T, T, SqlType.Bool], T) { Expand = a => SetConfig(session, a) };
    }

    private static FunctionSignature Fixed(string name, SqlType type, object value) =>
        new(name, FunctionKind.Scalar, SqlList<SqlType>.Empty, type) { Expand = _ => Macro.Constant(value, type) };

    /// <summary>
    /// current_schemas(include_implicit) in array text form: the schemas names resolve in, which are fixed for a
    /// tenant (<see cref="SystemCatalog.SearchPath"/>: pg_catalog, then its own schema); pg_catalog is the implicit one.
    /// </summary>
    private static BoundExpr CurrentSchemas(SessionInfo session, BoundExpr includeImplicit)
    {
        var withImplicit = ArrayText.Format(["pg_catalog", session.Schema], T);
        var without = ArrayText.Format([session.Schema], T);
        return Macro.Lookup(includeImplicit, [(Key: true, Value: (object?)withImplicit), (Key: false, Value: without)], T);
    }

    private static BoundExpr Setting(SessionInfo session, BoundExpr name, bool missingOk)
    {
        if (Macro.TryConstant(name, out var constant) && constant is string text)
        {
            return session.Settings.Get(text) is { } value ? Macro.Constant(value, T)
                : missingOk ? Macro.Constant(null, T)
                : throw new SqlException("42704", $"unrecognized configuration parameter \"{text}\"");
        }
        var entries = session.Settings.All().Select(s => (Key: s.Name.ToLowerInvariant(), Value: (object?)s.Value));
        var key = new BoundCall("lower(text)", "lower", CallKind.Function, [name], T);
        return Macro.Lookup(key, entries, T);
    }

    /// <summary>
    /// set_config(name, value, is_local) changes the session setting when the statement is bound (clients such as
    /// DBeaver and pgJDBC call it with constants); is_local makes it SET LOCAL, and ROLLBACK undoes either.
    /// </summary>
    private static BoundExpr SetConfig(SessionInfo session, SqlList<BoundExpr> arguments)
    {
        if (!Macro.TryConstant(arguments[0], out var name) || name is not string setting || !Macro.TryConstant(arguments[1], out var value))
            throw new SqlException(SqlState.FeatureNotSupported, "not supported yet: set_config with arguments computed per row");
        var local = Macro.TryConstant(arguments[2], out var isLocal) && isLocal is true;
        session.Settings.Set(setting, value as string ?? "", local);
        return Macro.Constant(value as string ?? "", T);
    }
}
