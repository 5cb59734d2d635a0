using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// UNION / INTERSECT / EXCEPT [ALL] over whole rows (NULLs count as equal, as in SQL set operations). Every
/// distinct row is hashed once with how often each side produced it; the output repeats it as the operation
/// says: UNION ALL l + r, INTERSECT ALL min(l, r), EXCEPT ALL max(l - r, 0), and at most once without ALL.
/// (A plain UNION ALL should use <see cref="UnionAllOperator"/>, which streams.)
/// </summary>
public sealed class SetOperationOperator : PhysicalOperator
{
    public SetOperationOperator(PhysicalOperator left, PhysicalOperator right, SetOperation operation, bool all)
    {
        if (left.OutputTypes.Count != right.OutputTypes.Count)
            throw new ArgumentException("set operation inputs must have the same number of columns", nameof(right));
        Left = left;
        Right = right;
        Operation = operation;
        All = all;
        OutputTypes = left.OutputTypes.Zip(right.OutputTypes, TypeUnification.Common).ToArray();
    }

    public PhysicalOperator Left { get; }

    public PhysicalOperator Right { get; }

    public SetOperation Operation { get; }

    public bool All { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Left, Right];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, context) : new EmptyStream();

    public override string ToString() => $"{Operation}{(All ? " ALL" : "")}";

    private long Copies(long left, long right) => (Operation, All) switch
    {
        (SetOperation.Union, true) => left + right,
        (SetOperation.Union, false) => 1,
        (SetOperation.Intersect, true) => Math.Min(left, right),
        (SetOperation.Intersect, false) => left > 0 && right > 0 ? 1 : 0,
        (SetOperation.Except, true) => Math.Max(left - right, 0),
        _ => left > 0 && right == 0 ? 1 : 0,
    };

    private sealed class Stream(SetOperationOperator plan, QueryContext context) : OperatorStream
    {
        private readonly Batch _output = new(plan.OutputTypes);
        private readonly int[] _ids = new int[Batch.Capacity];
        private KeyTable? _table;
        private ColumnCollection? _rows;
        private readonly long[][] _counts = [[], []];
        private int _entry;
        private long _repeat;

        public override Batch? Next()
        {
            if (_table is null)
                Build();
            context.CheckCancelled();
            var n = 0;
            while (n < Batch.Capacity && _entry < _table!.Count)
            {
                if (_repeat == 0)
                    _repeat = plan.Copies(_counts[0][_entry], _counts[1][_entry]);
                while (_repeat > 0 && n < Batch.Capacity)
                {
                    _ids[n++] = _entry;
                    _repeat--;
                }
                if (_repeat == 0)
                    _entry++;
            }
            if (n == 0)
                return null;
            _output.Reset();
            for (var c = 0; c < _output.ColumnCount; c++)
                _rows!.Gather(c, _ids.AsSpan(0, n), _output[c], 0);
            _output.Count = n;
            return _output;
        }

        protected override void Dispose(bool disposing)
        {
            _table?.Dispose();
            _rows?.Dispose();
        }

        private void Build()
        {
            var encoder = new KeyEncoder(plan.OutputTypes.Select(PhysicalTypes.Of).ToArray(), nullsAreValues: true);
            _table = new KeyTable(encoder.FixedWidth, context.Memory);
            _rows = new ColumnCollection(plan.OutputTypes, context.Memory);
            var scratch = new EvaluationScratch(context);
            var fresh = new int[Batch.Capacity];
            var columns = new Vector[plan.OutputTypes.Count];
            var casts = plan.OutputTypes.Select((t, i) => (Left: TypeUnification.To(Expr.Column(i, plan.Left.OutputTypes[i]), t), Right: TypeUnification.To(Expr.Column(i, plan.Right.OutputTypes[i]), t))).ToArray();
            for (var side = 0; side < 2; side++)
            {
                var input = side == 0 ? plan.Left : plan.Right;
                ParallelDrain.Run(context, input, 1, (_, batch) =>
                {
                    for (var c = 0; c < columns.Length; c++)
                        columns[c] = (side == 0 ? casts[c].Left : casts[c].Right).EvaluateToVector(batch, scratch);
                    var rows = batch.Rows;
                    encoder.Encode(columns, rows);
                    var added = 0;
                    for (var k = 0; k < rows.Length; k++)
                    {
                        var e = _table.FindOrAdd(encoder.Hashes[k], encoder.Key(k), out var isNew);
                        if (isNew)
                        {
                            fresh[added++] = rows[k];
                            if (_counts[0].Length <= e)
                            {
                                Array.Resize(ref _counts[0], Math.Max(16, _counts[0].Length * 2));
                                Array.Resize(ref _counts[1], _counts[0].Length);
                            }
                        }
                        _counts[side][e]++;
                    }
                    if (added > 0)
                        _rows.Append(columns, fresh.AsSpan(0, added));
                    for (var c = columns.Length - 1; c >= 0; c--)
                        scratch.Release(columns[c]);
                });
            }
        }
    }
}
