using System.Globalization;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Windows;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Expr = Vnd.Executor.Expressions.Expr;
using WindowFrame = Vnd.Executor.Operators.Windows.WindowFrame;
using PhysicalSortKey = Vnd.Executor.Operators.Sorting.SortKey;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// A logical <see cref="Window"/> becomes one <see cref="WindowOperator"/> per distinct (PARTITION BY, ORDER BY)
/// specification, stacked: each appends its functions' columns and keeps the input columns first, so every
/// operator's expressions are translated against the Window's input. A final projection restores the logical
/// column order (and type) when the stacking changed it.
/// </summary>
internal static class WindowPlanning
{
    /// <param name="translator">translates against the Window's input (with the statement's parameters)</param>
    public static PhysicalOperator Plan(Window window, PhysicalOperator input, ExpressionTranslator translator)
    {
        var inputWidth = window.Input.Output.Count;
        var specs = window.Items.Select((item, index) => (item, index)).GroupBy(i => (i.item.Call.PartitionBy, i.item.Call.OrderBy)).ToList();
        var position = new int[window.Items.Count];
        var result = input;
        var next = inputWidth;
        foreach (var spec in specs)
        {
            var items = spec.Select(i => i.item).ToList();
            foreach (var (_, index) in spec)
                position[index] = next++;
            var partition = spec.Key.PartitionBy.Select(translator.Translate).ToArray();
            var order = spec.Key.OrderBy.Select(k => new PhysicalSortKey(translator.Translate(k.Expr), k.Descending, k.NullsFirst)).ToArray();
            result = new WindowOperator(result, partition, order, items.Select(i => Call(translator, i.Call)).ToArray());
        }
        var output = window.Output;
        var inOrder = specs.Count <= 1 && Enumerable.Range(0, window.Items.Count).All(i => result.OutputTypes[inputWidth + i] == output[inputWidth + i].Type);
        if (inOrder)
            return result;
        var columns = new Expression[output.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var from = c < inputWidth ? c : position[c - inputWidth];
            columns[c] = Expr.Cast(Expr.Column(from, result.OutputTypes[from], output[c].Name), output[c].Type);
        }
        return new ProjectOperator(result, columns, output.Select(c => c.Name).ToArray());
    }

    private static WindowCall Call(ExpressionTranslator translator, BoundWindowCall call)
    {
        var frame = call.Frame is { } f ? Frame(translator, call, f) : null;
        if (call.IsAggregate)
        {
            var aggregate = new BoundAggregate(call.FunctionId, call.Name, call.Arguments, false, null, call.ResultType);
            return WindowCall.Over(AggregateTranslation.AggregateOf(translator, aggregate), frame);
        }
        var kind = call.Name.ToLowerInvariant() switch
        {
            "row_number" => WindowKind.RowNumber,
            "rank" => WindowKind.Rank,
            "dense_rank" => WindowKind.DenseRank,
            "lag" => WindowKind.Lag,
            "lead" => WindowKind.Lead,
            "first_value" => WindowKind.FirstValue,
            "last_value" => WindowKind.LastValue,
            "nth_value" => WindowKind.NthValue,
            "ntile" => WindowKind.Ntile,
            "percent_rank" => WindowKind.PercentRank,
            "cume_dist" => WindowKind.CumeDist,
            _ => throw ExpressionTranslator.Unsupported($"window function {call.Name}"),
        };
        var argument = call.Arguments.Count > 0 ? translator.Translate(call.Arguments[0]) : null;
        var offset = call.Arguments.Count > 1 ? Offset(call.Arguments[1], call.Name) : 1;
        var fallback = call.Arguments.Count > 2 ? Expr.Cast(translator.Translate(call.Arguments[2]), argument!.Type) : null;
        return new WindowCall(kind, argument, offset, Frame: frame, Default: fallback);
    }

    /// <summary>lag/lead offsets and nth_value's n: a constant (PostgreSQL allows any per-row expression; not
    /// supported here).</summary>
    private static int Offset(BoundExpr expr, string function) => expr switch
    {
        BoundLiteral { Value: not null and not string } l => Convert.ToInt32(l.Value, CultureInfo.InvariantCulture),
        BoundCast c => Offset(c.Operand, function),
        BoundCall { Kind: CallKind.Operator, Name: "-", Arguments: [var operand] } => -Offset(operand, function),
        _ => throw ExpressionTranslator.Unsupported($"a {function} offset that is not a non-NULL constant"),
    };

    /// <summary>A frame; RANGE offsets become the key and edge expressions of <see cref="RangeOffsets"/>.</summary>
    private static WindowFrame Frame(ExpressionTranslator translator, BoundWindowCall call, BoundFrame f)
    {
        var frame = new WindowFrame(f.Unit, f.StartKind, f.StartOffset ?? 0, f.EndKind, f.EndOffset ?? 0) { Exclusion = f.Exclusion };
        if (f.StartValue is null && f.EndValue is null)
            return frame;
        var key = call.OrderBy[0];
        var type = RangeFrames.ComparisonType(key.Expr.Type);
        var keyExpr = translator.Translate(key.Expr.Type == type ? key.Expr : new BoundCast(key.Expr, type));
        Expression? Edge(BoundExpr? value, FrameBoundKind kind) => value is null ? null
            : translator.Translate(RangeFrames.Edge(key.Expr, value, kind == FrameBoundKind.Preceding, key.Descending));
        return frame with
        {
            Offsets = new RangeOffsets(new PhysicalSortKey(keyExpr, key.Descending, key.NullsFirst),
                Edge(f.StartValue, f.StartKind), Edge(f.EndValue, f.EndKind),
                f.StartValue is null ? null : translator.Translate(f.StartValue), f.EndValue is null ? null : translator.Translate(f.EndValue)),
        };
    }
}
