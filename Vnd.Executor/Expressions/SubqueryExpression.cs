using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// An uncorrelated subquery used as a value — scalar (SELECT …), EXISTS (…) or x [NOT] IN (SELECT …) where the
/// decorrelation rule left it (select lists, OR branches). Like PostgreSQL's InitPlan it runs once, on first
/// evaluation, and becomes a constant (or an IN list over the returned values, which keeps IN's NULL rules).
/// More than one row for a scalar subquery is 21000, as in PostgreSQL.
/// </summary>
public sealed class SubqueryExpression : Expression
{
    private readonly Lazy<Expression> _value;

    public SubqueryExpression(SubqueryKind kind, PhysicalOperator plan, Expression? operand, bool negated, SqlType type)
        : base(type)
    {
        Kind = kind;
        Plan = plan;
        _value = new Lazy<Expression>(() => Run(kind, plan, operand, negated, type), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SubqueryKind Kind { get; }

    public PhysicalOperator Plan { get; }

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch) => _value.Value.Evaluate(input, result, scratch);

    public override string ToString() => $"({Kind} subquery)";

    private static Expression Run(SubqueryKind kind, PhysicalOperator plan, Expression? operand, bool negated, SqlType type)
    {
        var values = new List<object?>();
        using (var context = new QueryContext())
        using (var stream = plan.Open(context))
        {
            while (stream.Next() is { } batch)
            {
                foreach (var row in batch.Rows)
                {
                    values.Add(batch.ColumnCount == 0 ? null : VectorValues.Get(batch[0], row));
                    if (kind == SubqueryKind.Exists)
                        return Expr.Constant(!negated, SqlType.Bool);
                    if (kind == SubqueryKind.Scalar && values.Count > 1)
                        throw new ExecutionException("21000", "more than one row returned by a subquery used as an expression");
                }
            }
        }
        var columnType = plan.OutputTypes.Count > 0 ? plan.OutputTypes[0] : type;
        return kind switch
        {
            SubqueryKind.Exists => Expr.Constant(negated, SqlType.Bool),
            SubqueryKind.Scalar => Expr.Constant(values.Count == 0 ? null : values[0], type),
            _ when values.Count == 0 => Expr.Constant(negated, SqlType.Bool),
            _ => Expr.In(operand!, values.Select(v => Expr.Constant(v, columnType)).ToArray(), negated),
        };
    }
}
