using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// Computes one output column per expression. Column references and literals pass their vectors through
/// without copying; computed columns are written into vectors the stream owns and reuses. The input's selection
/// carries over, so a projection above a filter evaluates only the surviving rows.
/// </summary>
public sealed class ProjectOperator : PhysicalOperator
{
    public ProjectOperator(PhysicalOperator input, IReadOnlyList<Expression> expressions, IReadOnlyList<string>? names = null)
    {
        Input = input;
        Expressions = expressions;
        Names = names;
        OutputTypes = expressions.Select(e => e.Type).ToArray();
    }

    public PhysicalOperator Input { get; }

    public IReadOnlyList<Expression> Expressions { get; }

    public IReadOnlyList<string>? Names { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        new Stream(this, Input.Open(context, partition, partitionCount), context);

    public override string ToString() => $"Project {string.Join(", ", Expressions)}";

    private sealed class Stream : OperatorStream
    {
        private readonly ProjectOperator _plan;
        private readonly OperatorStream _input;
        private readonly EvaluationScratch _scratch;
        private readonly Batch _output;
        private readonly Vector?[] _owned;

        public Stream(ProjectOperator plan, OperatorStream input, QueryContext context)
        {
            _plan = plan;
            _scratch = new EvaluationScratch(context);
            _input = input;
            _output = new Batch(plan.Expressions.Count);
            _owned = plan.Expressions.Select(e => e is ColumnReference or ConstantExpression ? null : new Vector(e.Type)).ToArray();
        }

        public override Batch? Next()
        {
            var batch = _input.Next();
            if (batch is null)
                return null;
            var expressions = _plan.Expressions;
            for (var i = 0; i < expressions.Count; i++)
            {
                var owned = _owned[i];
                if (owned is null)
                {
                    _output[i] = expressions[i].EvaluateToVector(batch, _scratch);
                }
                else
                {
                    expressions[i].Evaluate(batch, owned, _scratch);
                    _output[i] = owned;
                }
            }
            _output.ViewRowsOf(batch);
            return _output;
        }

        protected override void Dispose(bool disposing) => _input.Dispose();
    }
}
