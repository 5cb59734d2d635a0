using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Expr = Vnd.Executor.Expressions.Expr;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// Turns bound (logical) expressions into executor expressions over one operator's input: a column id becomes the
/// ordinal of that column in the input's output list. Built once per query, so it may allocate freely.
/// A query parameter <c>$n</c> becomes the constant <c>parameters[n - 1]</c>: a prepared statement is bound once
/// and planned again for each set of values, so a parameter is as cheap as a literal at run time.
/// </summary>
public sealed partial class ExpressionTranslator
{
    private readonly Dictionary<ColumnId, int> _ordinals = [];
    private readonly IReadOnlyList<BoundLiteral>? _parameters;
    private readonly Dictionary<ColumnId, SqlType> _types = [];

    /// <summary>
    /// Columns of the input row, in order (for a join: left then right). <paramref name="parameters"/> are the
    /// values of $1…$n as literals of the parameters' resolved types (null = the query has none).
    /// </summary>
    public ExpressionTranslator(IEnumerable<PlanColumn> layout, IReadOnlyList<BoundLiteral>? parameters = null)
    {
        _parameters = parameters;
        var ordinal = 0;
        foreach (var column in layout)
        {
            if (_ordinals.TryAdd(column.Id, ordinal++))
                _types[column.Id] = column.Type;
        }
    }

    /// <summary>Plans the subqueries an expression holds (uncorrelated ones run once, see <see cref="SubqueryExpression"/>).</summary>
    public Func<LogicalPlan, Operators.PhysicalOperator>? Subqueries { get; init; }

    /// <summary>statement_timestamp(): one instant for the whole statement (set by the physical planner).</summary>
    public DateTime? StatementTime { get; init; }

    /// <summary>
    /// now()/current_timestamp/transaction_timestamp() and the text 'now' (with 'today', …) read by a cast: the start
    /// of the transaction block the statement runs in, else <see cref="StatementTime"/>, as in PostgreSQL.
    /// </summary>
    public DateTime? TransactionTime { get; init; }

    private DateTime? Now => TransactionTime ?? StatementTime;

    public Expression Translate(BoundExpr expr) => expr switch
    {
        BoundColumn c => _ordinals.TryGetValue(c.Id, out var ordinal)
            ? Expr.Column(ordinal, c.ColumnType, c.Name)
            : throw Unsupported($"a reference to column \"{c.Name}\" from outside its input (correlated subquery)"),
        BoundLiteral l => Literal(l),
        BoundCast c => Cast(Translate(c.Operand), c.TargetType),
        BoundCall call => Call(call),
        BoundCase c => Expr.Case(c.Whens.Select(w => (Translate(w.Condition), Translate(w.Result))).ToArray(),
            c.Else is null ? Expr.Null(c.ResultType) : Translate(c.Else)),
        BoundInList i => Expr.In(Translate(i.Operand), i.Items.Select(Translate).ToArray(), i.Negated),
        BoundIs i => Is(i),
        BoundParameter p => Parameter(p),
        BoundSubquery s when Subqueries is not null => Subquery(s, Subqueries),
        BoundSubquery => throw Unsupported("this form of subquery"),
        _ => throw Unsupported($"expression {expr}"),
    };

    /// <summary>The subquery's references to this input's row become its per-row parameters.</summary>
    private SubqueryExpression Subquery(BoundSubquery subquery, Func<LogicalPlan, PhysicalOperator> planner)
    {
        var operand = subquery.Operand is null ? null : Translate(subquery.Operand);
        return new SubqueryExpression(subquery, operand, Correlation(subquery.Plan), planner);
    }

    /// <summary>The columns of this input that <paramref name="subquery"/> references (its per-row parameters).</summary>
    public (ColumnId Id, int Ordinal, SqlType Type)[] Correlation(LogicalPlan subquery)
    {
        var outer = new List<(ColumnId, int, SqlType)>();
        foreach (var id in PlanWalk.OuterReferences(subquery))
        {
            if (!_ordinals.TryGetValue(id, out var ordinal))
                throw Unsupported("a subquery that references a query more than one level out");
            outer.Add((id, ordinal, _types[id]));
        }
        return [.. outer];
    }

    /// <summary>Literals with no CLR form keep PostgreSQL input text; the cast kernels parse it (once, as a constant).</summary>
    private Expression Literal(BoundLiteral literal) => literal.Value switch
    {
        null => Expr.Null(literal.LiteralType),
        string text when literal.LiteralType.Id is not (TypeId.Text or TypeId.Unknown) =>
            Cast(Expr.Constant(text, SqlType.Text), literal.LiteralType),
        var value => Expr.Constant(value, literal.LiteralType),
    };

    /// <summary>The supplied value, cast when this use of the parameter was typed more narrowly than the value.</summary>
    private Expression Parameter(BoundParameter parameter)
    {
        if (_parameters is null || parameter.Index < 1 || parameter.Index > _parameters.Count)
            throw new ExecutionException("42P02", $"there is no parameter ${parameter.Index}");
        var value = Literal(_parameters[parameter.Index - 1]);
        return parameter.Type.Id == TypeId.Unknown || value.Type == parameter.Type ? value : Cast(value, parameter.Type);
    }

    private Expression Is(BoundIs test)
    {
        var operand = Translate(test.Operand);
        var result = test.Test switch
        {
            IsTest.Null or IsTest.Unknown => Expr.IsNull(operand),
            IsTest.True => Expr.IsDistinctFrom(operand, Expr.Constant(true, SqlType.Bool), negated: true),
            _ => Expr.IsDistinctFrom(operand, Expr.Constant(false, SqlType.Bool), negated: true),
        };
        return test.Negated ? Expr.Not(result) : result;
    }

    /// <summary>
    /// The executor resolves a call again from its translated arguments and may pick a kernel whose result layout
    /// differs from the type the binder chose (log(numeric, numeric) computed in float8; date_trunc of a nanosecond
    /// trace column in nanoseconds where the binder says microseconds): the plan's consumers read
    /// the binder's type, so the result is cast to it.
    /// </summary>
    private Expression Call(BoundCall call)
    {
        var result = Kernel(call);
        return PhysicalTypes.SameLayout(result.Type, call.ResultType) ? result : Expr.Cast(result, call.ResultType);
    }

    private Expression Kernel(BoundCall call)
    {
        var args = call.Arguments.Select(Translate).ToArray();
        if (InSessionZone(call, args) is { } zoned)
            return zoned;
        // now() and transaction_timestamp() are the transaction's start, statement_timestamp() the statement's (the
        // same outside a block); clock_timestamp() alone moves.
        if (call is { Kind: CallKind.Function, Name: "now" or "transaction_timestamp", Arguments.Count: 0 } && Now is { } now)
            return Expr.Constant(now, SqlType.TimestampTz);
        if (call is { Kind: CallKind.Function, Name: "statement_timestamp", Arguments.Count: 0 } && StatementTime is { } statement)
            return Expr.Constant(statement, SqlType.TimestampTz);
        if (call.Kind == CallKind.Function)
            return Expr.Function(call.Name, args);
        return (call.Name, args.Length) switch
        {
            // Network arithmetic (inet ± bigint, inet - inet) is a function over addresses, not a numeric kernel.
            ("+", 2) when IsNet(args[1]) => Expr.Function("+", [args[1], args[0]]),
            // jsonb || jsonb and jsonb - key are JSON functions, not text concatenation or arithmetic.
            ("||" or "-", 2) when args[0].Type.Id == TypeId.Jsonb => Expr.Function(call.Name, args),
            ("+" or "-", 2) when IsNet(args[0]) => Expr.Function(call.Name, args),
            ("+", 2) => Expr.Add(args[0], args[1]),
            ("-", 2) => Expr.Subtract(args[0], args[1]),
            ("*", 2) => Expr.Multiply(args[0], args[1]),
            ("/", 2) => Expr.Divide(args[0], args[1]),
            ("%", 2) => Expr.Modulo(args[0], args[1]),
            ("-", 1) => Expr.Negate(args[0]),
            ("=", 2) => Expr.Equal(args[0], args[1]),
            ("<>", 2) or ("!=", 2) => Expr.NotEqual(args[0], args[1]),
            ("<", 2) => Expr.Less(args[0], args[1]),
            ("<=", 2) => Expr.LessOrEqual(args[0], args[1]),
            (">", 2) => Expr.Greater(args[0], args[1]),
            (">=", 2) => Expr.GreaterOrEqual(args[0], args[1]),
            ("AND", _) => Expr.And(args),
            ("OR", _) => Expr.Or(args),
            ("NOT", 1) => Expr.Not(args[0]),
            ("IS DISTINCT FROM", 2) => Expr.IsDistinctFrom(args[0], args[1]),
            ("IS NOT DISTINCT FROM", 2) => Expr.IsDistinctFrom(args[0], args[1], negated: true),
            ("LIKE", 2) => Expr.Like(args[0], args[1]),
            ("ILIKE", 2) => Expr.Like(args[0], args[1], caseInsensitive: true),
            // textcat, not concat: || yields NULL when either side is NULL, concat() skips NULLs.
            ("||", 2) => Expr.Function("textcat", args),
            _ => Expr.Function(call.Name, args),
        };
    }

    private static bool IsNet(Expression e) => e.Type.Id is TypeId.Inet or TypeId.Cidr;

    internal static ExecutionException Unsupported(string what) =>
        new(SqlState.FeatureNotSupported, $"not supported yet: {what}");
}
