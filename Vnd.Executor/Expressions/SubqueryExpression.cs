using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// A subquery the optimizer left as an expression: a scalar subquery, or an EXISTS / IN it could not turn into a
/// join. An uncorrelated one runs once per query. A correlated one runs once per distinct combination of the
/// outer values it references, which replace those references as constants; results are remembered. This is the
/// nested-loop strategy: right for catalog queries (psql's \d, Npgsql's type loading) and small inputs, and the
/// reason large correlated subqueries should be written as joins.
/// </summary>
public sealed class SubqueryExpression : Expression
{
    private readonly BoundSubquery _subquery;
    private readonly Expression? _operand;
    private readonly CorrelatedValues _outer;
    private readonly Func<LogicalPlan, PhysicalOperator> _planner;
    private readonly Dictionary<string, List<object?>> _results = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public SubqueryExpression(BoundSubquery subquery, Expression? operand, (ColumnId Id, int Ordinal, SqlType Type)[] outer, Func<LogicalPlan, PhysicalOperator> planner)
        : base(subquery.Type)
    {
        _subquery = subquery;
        _operand = operand;
        _outer = new CorrelatedValues(outer);
        _planner = planner;
    }

    public override bool IsConstant => _outer.Count == 0 && (_operand?.IsConstant ?? true);

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var operand = _operand?.EvaluateToVector(input, scratch);
        try
        {
            if (IsConstant)
            {
                result.ResetConstant();
                VectorValues.Set(result, 0, Value(input, 0, operand, outerRow: false, scratch.Query));
                return;
            }
            result.ResetFlat();
            foreach (var i in input.Rows)
            {
                // Each row may run a whole plan: a cancel or statement timeout must not wait for the batch's end.
                scratch.Query?.Cancellation.ThrowIfCancellationRequested();
                VectorValues.Set(result, i, Value(input, i, operand, outerRow: true, scratch.Query));
            }
        }
        finally
        {
            if (operand is not null)
                scratch.Release(operand);
        }
    }

    private object? Value(Batch input, int row, Vector? operand, bool outerRow, QueryContext? query)
    {
        var values = outerRow ? _outer.Read(input, row) : new object?[_outer.Count];
        var rows = Rows(values, query);
        switch (_subquery.Kind)
        {
            case SubqueryKind.Scalar:
                return rows.Count switch
                {
                    0 => null,
                    1 => rows[0],
                    _ => throw new ExecutionException("21000", "more than one row returned by a subquery used as an expression"),
                };
            case SubqueryKind.Exists:
                return rows.Count > 0;
            case SubqueryKind.Array:
                return new ArrayValue(Type.Element!, rows.ToArray());
            case SubqueryKind.Quantified:
                return Quantified(operand is null ? null : VectorValues.Get(operand, operand.IsConstant ? 0 : row), rows);
            default:
                var probe = operand is null ? null : VectorValues.Get(operand, operand.IsConstant ? 0 : row);
                if (probe is null)
                    return rows.Count == 0 ? _subquery.Negated : null;
                var sawNull = false;
                foreach (var value in rows)
                {
                    if (value is null)
                        sawNull = true;
                    else if (Equals(value, probe))
                        return !_subquery.Negated;
                }
                return sawNull ? null : _subquery.Negated;
        }
    }

    /// <summary>
    /// op ANY: true if some comparison is true, else NULL if some is NULL, else false (so false over no rows);
    /// op ALL: false if some comparison is false, else NULL if some is NULL, else true.
    /// </summary>
    private bool? Quantified(object? probe, List<object?> rows)
    {
        var decisive = !_subquery.All;
        var sawNull = false;
        foreach (var value in rows)
        {
            if (probe is null || value is null)
            {
                sawNull = true;
                continue;
            }
            var order = QuantifiedOrder.Compare(probe, value);
            var holds = _subquery.Comparison switch
            {
                "=" => order == 0,
                "<>" => order != 0,
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                _ => order >= 0,
            };
            if (holds == decisive)
                return decisive;
        }
        return sawNull ? null : !decisive;
    }

    /// <summary>
    /// The first column of the subquery's rows for one set of outer values (at most two for a scalar subquery). The
    /// subquery's plan runs under the enclosing query's cancellation, memory budget, buffers and workers, one
    /// worker wide (it may run once per outer row, from several of the outer query's workers at once).
    /// </summary>
    private List<object?> Rows(object?[] values, QueryContext? query)
    {
        var key = _outer.Key(values);
        lock (_lock)
        {
            if (_results.TryGetValue(key, out var cached))
                return cached;
        }
        var plan = _outer.Substitute(_subquery.Plan, values);
        var rows = new List<object?>();
        using (var context = query is null ? new QueryContext(parallelism: 1)
            : new QueryContext(query.Cancellation, query.Memory, parallelism: 1, query.Buffers, query.Workers))
        using (var stream = _planner(plan).Open(context))
        {
            while (stream.Next() is { } batch)
            {
                foreach (var r in batch.Rows)
                {
                    rows.Add(batch.ColumnCount == 0 ? null : VectorValues.Get(batch[0], r));
                    if (_subquery.Kind is SubqueryKind.Scalar or SubqueryKind.Exists && rows.Count > 1)
                        break;
                }
            }
        }
        lock (_lock)
            _results[key] = rows;
        return rows;
    }

    public override string ToString() => $"({_subquery.Kind} subquery)";
}
