using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// Keeps the rows where the predicate is TRUE by narrowing the batch's selection; no column is copied. A
/// top-level AND is split so each conjunct only looks at rows the previous ones kept. Batches left empty are
/// skipped.
/// </summary>
public sealed class FilterOperator : PhysicalOperator
{
    public FilterOperator(PhysicalOperator input, Expression predicate)
    {
        Input = input;
        Predicate = predicate;
        Conjuncts = Split(predicate);
    }

    public PhysicalOperator Input { get; }

    public Expression Predicate { get; }

    public IReadOnlyList<Expression> Conjuncts { get; }

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        new Stream(this, Input.Open(context, partition, partitionCount), context);

    public override string ToString() => $"Filter {Predicate}";

    /// <summary>Narrows <paramref name="batch"/> to the rows where every conjunct is TRUE; returns the live count.</summary>
    public static int Apply(IReadOnlyList<Expression> conjuncts, Batch batch, int[] selection, EvaluationScratch scratch)
    {
        foreach (var conjunct in conjuncts)
        {
            var result = conjunct.EvaluateToVector(batch, scratch);
            var values = result.Data<byte>();
            var kept = 0;
            if (result.IsConstant)
            {
                if (result.IsValid(0) && values[0] != 0)
                {
                    batch.Rows.CopyTo(selection);
                    kept = batch.ActiveCount;
                }
            }
            else if (result.Validity.AllValid)
            {
                foreach (var row in batch.Rows)
                {
                    selection[kept] = row;
                    kept += values[row];
                }
            }
            else
            {
                foreach (var row in batch.Rows)
                {
                    selection[kept] = row;
                    kept += result.Validity.IsValid(row) ? values[row] : 0;
                }
            }
            scratch.Release(result);
            batch.SetSelection(selection, kept);
            if (kept == 0)
                return 0;
        }
        return batch.ActiveCount;
    }

    private static Expression[] Split(Expression predicate) =>
        predicate is LogicalExpression { IsAnd: true } and ? and.Operands.SelectMany(Split).ToArray() : [predicate];

    private sealed class Stream(FilterOperator plan, OperatorStream input, QueryContext context) : OperatorStream
    {
        private readonly EvaluationScratch _scratch = new(context);
        private readonly int[] _selection = new int[Batch.Capacity];

        public override Batch? Next()
        {
            while (input.Next() is { } batch)
            {
                if (Apply(plan.Conjuncts, batch, _selection, _scratch) > 0)
                    return batch;
            }
            return null;
        }

        protected override void Dispose(bool disposing) => input.Dispose();
    }
}
