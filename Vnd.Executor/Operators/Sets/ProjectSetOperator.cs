using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Sets;

/// <summary>
/// PostgreSQL's ProjectSet: each input row followed by the values of set-returning functions run in lockstep. A row
/// gives as many rows as its longest function (shorter ones padded with NULL) and none when every function is empty.
/// Values are written in runs into reused output batches; input columns are gathered once per output batch, which
/// therefore never mixes input batches. <see cref="Runners"/> makes one stream's runners (they hold per-row state).
/// </summary>
public sealed class ProjectSetOperator : PhysicalOperator
{
    public ProjectSetOperator(PhysicalOperator input, IReadOnlyList<SqlType> functionTypes, Func<SetFunctionRunner[]> runners)
    {
        Input = input;
        Runners = runners;
        OutputTypes = [.. input.OutputTypes, .. functionTypes];
    }

    public PhysicalOperator Input { get; }

    public Func<SetFunctionRunner[]> Runners { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        new Stream(this, Input.Open(context, partition, partitionCount), context);

    public override string ToString() => "ProjectSet";

    private sealed class Stream(ProjectSetOperator plan, OperatorStream input, QueryContext context)
        : RowExpansionStream(input, context, plan.OutputTypes, plan.Input.OutputTypes.Count)
    {
        private readonly SetFunctionRunner[] _runners = plan.Runners();
        private readonly int[] _written = new int[plan.OutputTypes.Count];
        private readonly EvaluationScratch _scratch = new(context);

        protected override void OnInput(Batch? batch)
        {
            foreach (var runner in _runners)
            {
                runner.Release(_scratch);
                if (batch is not null)
                    runner.Prepare(batch, _scratch);
            }
        }

        protected override void Begin(Batch batch, int row)
        {
            foreach (var runner in _runners)
                runner.Begin(row);
        }

        /// <summary>
        /// Lockstep: as many rows as the function with most, the others padded with NULL; an ordinality numbers
        /// those rows.
        /// </summary>
        protected override int Emit(Batch output, int at, int room, out bool done)
        {
            var rows = 0;
            for (var f = 0; f < _runners.Length; f++)
            {
                if (_runners[f].Numbers)
                    continue;
                _written[f] = _runners[f].Write(output[InputColumns + f], at, room);
                rows = Math.Max(rows, _written[f]);
            }
            for (var f = 0; f < _runners.Length; f++)
            {
                if (_runners[f].Numbers)
                    _written[f] = _runners[f].Write(output[InputColumns + f], at, rows);
                else if (_written[f] < rows)
                    VectorCopy.SetNulls(output[InputColumns + f], at + _written[f], rows - _written[f]);
            }
            // Every function wrote less than there was room for: all are done with this row.
            done = rows < room;
            return rows;
        }

        protected override void Dispose(bool disposing)
        {
            foreach (var runner in _runners)
                runner.Release(_scratch);
            base.Dispose(disposing);
        }
    }
}
