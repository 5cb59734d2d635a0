using Vnd.Executor.Execution;
using Vnd.Executor.Scans;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators;

/// <summary>
/// Reads the input's rows, then per output column either copies the input's column or gathers the table's column
/// for the rows' positions: consecutive positions in one record batch are gathered in one call per column.
/// </summary>
internal sealed class RowPositionFetchStream : OperatorStream
{
    private readonly RowPositionFetchOperator _plan;
    private readonly OperatorStream _input;
    private readonly QueryContext _context;
    private readonly long _reserved;
    private readonly Batch _output;
    private readonly SegmentRowLocator _locator;
    private readonly int[] _offsets = new int[Batch.Capacity];
    private readonly StoredBases _bases = new();

    public RowPositionFetchStream(RowPositionFetchOperator plan, OperatorStream input, QueryContext context, long reserved)
    {
        _plan = plan;
        _input = input;
        _context = context;
        _reserved = reserved;
        _output = new Batch(plan.OutputTypes);
        _locator = new SegmentRowLocator(plan.Table.Table);
    }

    public override Batch? Next()
    {
        while (true)
        {
            _context.CheckCancelled();
            var batch = _input.Next();
            if (batch is null)
                return null;
            if (batch.ActiveCount == 0)
                continue;
            var rows = batch.Rows;
            _output.Reset();
            _output.Sequence = batch.Sequence;
            for (var c = 0; c < _plan.InputColumns.Count; c++)
            {
                if (_plan.InputColumns[c] >= 0)
                    VectorCopy.Gather(batch[_plan.InputColumns[c]], rows, _output[c], 0);
            }
            Fetch(batch[_plan.PositionColumn].Data<long>(), rows);
            _output.Count = rows.Length;
            return _output;
        }
    }

    /// <summary>Gathers the fetched columns run by run: a run is the rows whose positions fall in one record batch.</summary>
    private void Fetch(ReadOnlySpan<long> positions, ReadOnlySpan<int> rows)
    {
        var k = 0;
        while (k < rows.Length)
        {
            var record = _locator.Locate(positions[rows[k]], out var row, out var recordEnd);
            var segment = RowPosition.Segment(positions[rows[k]]);
            var first = RowPosition.Row(positions[rows[k]]) - row;
            var run = 0;
            while (k + run < rows.Length)
            {
                var position = positions[rows[k + run]];
                if (RowPosition.Segment(position) != segment || RowPosition.Row(position) < first || RowPosition.Row(position) >= recordEnd)
                    break;
                _offsets[run++] = RowPosition.Row(position) - first;
            }
            var offsets = _offsets.AsSpan(0, run);
            var bases = _bases.Of(record);
            for (var c = 0; c < _plan.TableColumns.Count; c++)
            {
                if (_plan.InputColumns[c] < 0)
                    ArrowBatchGather.Gather(record.Column(_plan.TableColumns[c]), bases[_plan.TableColumns[c]], 0, offsets, _output[c], k);
            }
            k += run;
        }
    }

    protected override void Dispose(bool disposing)
    {
        _locator.Dispose();
        _input.Dispose();
        _context.Memory.Release(_reserved);
    }
}
