using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// json and jsonb: the operators (pg_operator's -> ->> #> #>> for both, ? ?| ?&amp; @&gt; &lt;@ || - for jsonb), the
/// functions over VARIADIC "any" (to_json, json_build_object, json_build_array) and json_agg, which is
/// string_agg over each value's JSON text.
/// </summary>
internal sealed partial class ExprBinder
{
    private static readonly SqlType TextArray = SqlType.ArrayOf(SqlType.Text);

    /// <summary>A JSON operator on a json/jsonb left side, or null when <paramref name="op"/> is not one.</summary>
    private BoundExpr? BindJsonOperator(string op, BoundExpr left, BoundExpr right, SqlNode node)
    {
        if (left.Type.Id is not (TypeId.Json or TypeId.Jsonb))
        {
            return null;
        }
        var jsonb = left.Type.Id == TypeId.Jsonb;
        switch (op)
        {
            case "->" or "->>":
                right = KeyOrIndex(right, node);
                return BoundCall.Operator(op, op == "->" ? left.Type : SqlType.Text, left, right);
            case "#>" or "#>>":
                return BoundCall.Operator(op, op == "#>" ? left.Type : SqlType.Text, left, Coerce(right, TextArray, node));
            case "?" when jsonb:
                return BoundCall.Operator(op, SqlType.Bool, left, Coerce(right, SqlType.Text, node));
            case "?|" or "?&" when jsonb:
                return BoundCall.Operator(op, SqlType.Bool, left, Coerce(right, TextArray, node));
            case "@>" or "<@" when jsonb:
                return BoundCall.Operator(op, SqlType.Bool, left, Coerce(right, SqlType.Jsonb, node));
            case "||" when jsonb:
                return BoundCall.Operator(op, SqlType.Jsonb, left, Coerce(right, SqlType.Jsonb, node));
            case "-" when jsonb:
                return BoundCall.Operator(op, SqlType.Jsonb, left, KeyOrIndex(right, node));
            default:
                return null;
        }
    }

    /// <summary>A key (text; an untyped literal is one) or an array index (int4).</summary>
    private BoundExpr KeyOrIndex(BoundExpr right, SqlNode node) => right.Type switch
    {
        { Id: TypeId.Int4 } => right,
        { IsInteger: true } => new BoundCast(right, SqlType.Int4),
        _ => Coerce(right, SqlType.Text, node),
    };

    /// <summary>to_json/to_jsonb(any), json[b]_build_object/array(VARIADIC "any"): each argument keeps its type.</summary>
    private BoundExpr? BindJsonFunction(string name, List<BoundExpr> arguments, FunctionCall f)
    {
        var type = name.StartsWith("jsonb", StringComparison.Ordinal) || name == "to_jsonb" ? SqlType.Jsonb : SqlType.Json;
        switch (name)
        {
            case "to_json" or "to_jsonb" when arguments.Count == 1:
            case "json_build_object" or "jsonb_build_object" or "json_build_array" or "jsonb_build_array":
                var settled = SqlList.From(arguments.Select((a, i) => Settle(a, f.Arguments[i])));
                return new BoundCall($"{name}(any,...)", name, CallKind.Function, settled, type);
            default:
                return null;
        }
    }

    /// <summary>
    /// json_agg(x [ORDER BY …]) as '[' || string_agg(coalesce(to_json(x)::text, 'null'), ', ' [ORDER BY …]) || ']',
    /// cast to json (jsonb_agg the same with to_jsonb, cast to jsonb): NULL for no rows, null for a NULL value.
    /// </summary>
    private static Expr JsonAggregate(FunctionCall f, bool jsonb)
    {
        var at = f.Position;
        TypeName Type(string name) => new(SqlList.Create<string>([name]), SqlList<Expr>.Empty, 0) { Position = at };
        Expr Text(string value) => new StringLiteral(value) { Position = at };
        var json = new FunctionCall(SqlList.Create<string>([jsonb ? "to_jsonb" : "to_json"]), f.Arguments) { Position = at };
        var element = new FunctionCall(SqlList.Create<string>(["coalesce"]),
            SqlList.Create<Expr>([new CastExpr(json, Type("text"), CastSyntax.Cast) { Position = at }, Text("null")])) { Position = at };
        var aggregate = new FunctionCall(SqlList.Create<string>(["string_agg"]), SqlList.Create<Expr>([element, Text(", ")]))
        {
            Position = at,
            Distinct = f.Distinct,
            OrderBy = f.OrderBy,
            Filter = f.Filter,
        };
        var array = new BinaryExpr("||", new BinaryExpr("||", Text("["), aggregate) { Position = at }, Text("]")) { Position = at };
        return new CastExpr(array, Type(jsonb ? "jsonb" : "json"), CastSyntax.Cast) { Position = at };
    }
}
