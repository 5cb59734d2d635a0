using System.Globalization;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>Bound aggregate calls (GROUP BY aggregates and aggregates used as window functions) to
/// <see cref="AggregateCall"/>s.</summary>
internal static class AggregateTranslation
{
    /// <summary>FILTER (WHERE f) becomes CASE WHEN f THEN arg END: every aggregate here ignores NULL inputs.</summary>
    public static AggregateCall AggregateOf(ExpressionTranslator translator, BoundAggregate call)
    {
        if (call.WithinGroup.Count > 0)
            return OrderedSet(translator, call);
        var name = call.Name.ToLowerInvariant();
        var kind = name switch
        {
            "count" when call.Arguments.Count == 0 => call.Filter is null ? AggregateKind.CountStar : AggregateKind.Count,
            "count" => AggregateKind.Count,
            "sum" => AggregateKind.Sum,
            "avg" => AggregateKind.Avg,
            "min" => AggregateKind.Min,
            "max" => AggregateKind.Max,
            "stddev" or "stddev_samp" => AggregateKind.StddevSamp,
            "stddev_pop" => AggregateKind.StddevPop,
            "variance" or "var_samp" => AggregateKind.VarSamp,
            "var_pop" => AggregateKind.VarPop,
            "bool_and" or "every" => AggregateKind.BoolAnd,
            "bool_or" => AggregateKind.BoolOr,
            "bit_and" => AggregateKind.BitAnd,
            "bit_or" => AggregateKind.BitOr,
            "bit_xor" => AggregateKind.BitXor,
            "string_agg" => AggregateKind.StringAgg,
            "array_agg" when call.Filter is null => AggregateKind.ArrayAgg,
            "corr" => AggregateKind.Corr,
            "covar_pop" => AggregateKind.CovarPop,
            "covar_samp" => AggregateKind.CovarSamp,
            "regr_count" => AggregateKind.RegrCount,
            "regr_avgx" => AggregateKind.RegrAvgX,
            "regr_avgy" => AggregateKind.RegrAvgY,
            "regr_sxx" => AggregateKind.RegrSxx,
            "regr_syy" => AggregateKind.RegrSyy,
            "regr_sxy" => AggregateKind.RegrSxy,
            "regr_slope" => AggregateKind.RegrSlope,
            "regr_intercept" => AggregateKind.RegrIntercept,
            "regr_r2" => AggregateKind.RegrR2,
            _ => throw ExpressionTranslator.Unsupported($"aggregate {call.Name}"),
        };
        Expression? argument = call.Arguments.Count == 0
            ? (kind == AggregateKind.CountStar ? null : Expr.Constant(1, SqlType.Int4))
            : translator.Translate(call.Arguments[0]);
        argument = Filtered(translator, call, argument);
        string? separator = null;
        if (kind == AggregateKind.StringAgg)
        {
            separator = call.Arguments.Count > 1 && call.Arguments[1] is BoundLiteral { Value: string s }
                ? s
                : throw ExpressionTranslator.Unsupported("string_agg with a non-constant separator");
        }
        var order = call.OrderBy.Select(k => new Operators.Sorting.SortKey(translator.Translate(k.Expr), k.Descending, k.NullsFirst)).ToArray();
        // FILTER applies to Y alone: a row whose Y is NULL is skipped whatever X is.
        var x = AggregateCall.IsRegression(kind) ? translator.Translate(call.Arguments[1]) : null;
        return new AggregateCall(kind, argument, call.Distinct, separator, orderKeys: order, x: x);
    }

    /// <summary>percentile_cont/disc(f) WITHIN GROUP (ORDER BY x [DESC]); f must be a constant.</summary>
    private static AggregateCall OrderedSet(ExpressionTranslator translator, BoundAggregate call)
    {
        var kind = call.Name.ToLowerInvariant() switch
        {
            "percentile_cont" => AggregateKind.PercentileCont,
            "percentile_disc" => AggregateKind.PercentileDisc,
            "mode" => AggregateKind.Mode,
            _ => throw ExpressionTranslator.Unsupported($"{call.Name} WITHIN GROUP"),
        };
        if (kind == AggregateKind.Mode)
        {
            var value = call.WithinGroup[0];
            return new AggregateCall(kind, Filtered(translator, call, translator.Translate(value.Expr)), descending: value.Descending);
        }
        var key = call.WithinGroup[0];
        var argument = Filtered(translator, call, translator.Translate(key.Expr));
        if (call.Arguments[0].Type.Id == TypeId.Array)
            return new AggregateCall(kind, argument, fractions: ConstantFractions(translator, call), descending: key.Descending);
        var fraction = ConstantDouble(call.Arguments[0])
            ?? throw ExpressionTranslator.Unsupported($"{call.Name} with a NULL or non-constant fraction");
        return new AggregateCall(kind, argument, fraction: fraction, descending: key.Descending);
    }

    /// <summary>The fractions of percentile_cont/disc(float8[]), evaluated once: the array must be a constant.</summary>
    private static double?[] ConstantFractions(ExpressionTranslator translator, BoundAggregate call)
    {
        var fractions = translator.Translate(call.Arguments[0]);
        if (!fractions.IsConstant)
            throw ExpressionTranslator.Unsupported($"{call.Name} with non-constant fractions");
        var scratch = new EvaluationScratch();
        var value = VectorValues.Get(fractions.EvaluateToVector(new Batch(0) { Count = 1 }, scratch), 0) as ArrayValue
            ?? throw ExpressionTranslator.Unsupported($"{call.Name} with a NULL array of fractions");
        return [.. value.Items.Select(item => item is null ? (double?)null : Convert.ToDouble(item, CultureInfo.InvariantCulture))];
    }

    private static Expression? Filtered(ExpressionTranslator translator, BoundAggregate call, Expression? argument) =>
        call.Filter is null ? argument : Expr.Case([(translator.Translate(call.Filter), argument!)], Expr.Null(argument!.Type));

    private static double? ConstantDouble(BoundExpr expr) => expr switch
    {
        BoundLiteral { Value: null } => null,
        BoundLiteral { Value: string s } => double.Parse(s, CultureInfo.InvariantCulture),
        BoundLiteral { Value: var v } => Convert.ToDouble(v, CultureInfo.InvariantCulture),
        BoundCast c => ConstantDouble(c.Operand),
        _ => null,
    };
}
