using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// A stream that turns each input row into zero or more output rows: the input row's columns followed by columns
/// the subclass writes (<see cref="Emit"/>, in runs). Input columns are gathered once per output batch, which
/// therefore never mixes input batches (a batch stays valid only until the next pull). ProjectSet and LATERAL.
/// </summary>
public abstract class RowExpansionStream(OperatorStream input, QueryContext context, IReadOnlyList<SqlType> outputTypes, int inputColumns) : OperatorStream
{
    private readonly Batch _output = new(outputTypes);
    private readonly int[] _inputRows = new int[Batch.Capacity];
    private Batch? _input;
    private int _position;
    private int _row;
    private bool _inRow;
    private bool _ended;

    protected QueryContext Context => context;

    /// <summary>The first output column the subclass writes.</summary>
    protected int InputColumns => inputColumns;

    public sealed override Batch? Next()
    {
        _output.Reset();
        var count = 0;
        while (count < Batch.Capacity && !_ended)
        {
            if (!_inRow)
            {
                if (_input is null || _position >= _input.ActiveCount)
                {
                    // Output rows point into the current input batch: hand them out before it is replaced.
                    if (count > 0)
                        break;
                    context.CheckCancelled();
                    _input = input.Next();
                    _position = 0;
                    _ended = _input is null;
                    OnInput(_input);
                    continue;
                }
                _row = _input.Rows[_position++];
                Begin(_input, _row);
                _inRow = true;
            }
            var rows = Emit(_output, count, Batch.Capacity - count, out var done);
            _inputRows.AsSpan(count, rows).Fill(_row);
            count += rows;
            _inRow = !done;
        }
        if (count == 0)
            return null;
        for (var c = 0; c < inputColumns; c++)
            VectorCopy.Gather(_input![c], _inputRows.AsSpan(0, count), _output[c], 0);
        _output.Count = count;
        return _output;
    }

    /// <summary>A new input batch (null at the end), before any of its rows begins.</summary>
    protected abstract void OnInput(Batch? batch);

    /// <summary>Starts the output rows of input row <paramref name="row"/>.</summary>
    protected abstract void Begin(Batch batch, int row);

    /// <summary>Writes up to <paramref name="room"/> output rows of the current input row from row <paramref name="at"/>
    /// of <paramref name="output"/> (columns from <see cref="InputColumns"/> on); <paramref name="done"/> when it has no more.</summary>
    protected abstract int Emit(Batch output, int at, int room, out bool done);

    protected override void Dispose(bool disposing) => input.Dispose();
}
