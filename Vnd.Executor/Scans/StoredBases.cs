using Apache.Arrow;
using Vnd.Executor.Storage;

namespace Vnd.Executor.Scans;

/// <summary>
/// The bases of a segment's columns (<see cref="StoredIntegerType.Base"/>) for a reader going through its record
/// batches: read from the fields' metadata once per schema (the batches of a segment share theirs), not per batch.
/// </summary>
internal sealed class StoredBases
{
    private Schema? _schema;
    private long[] _bases = [];

    /// <summary>Per column of <paramref name="record"/>, the base its stored integers are offsets from.</summary>
    public long[] Of(RecordBatch record)
    {
        if (!ReferenceEquals(record.Schema, _schema))
        {
            _bases = StoredIntegerType.Bases(record.Schema);
            _schema = record.Schema;
        }
        return _bases;
    }
}
