using System.Buffers;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// The build of keys packed into words (<see cref="JoinKeyEncoder"/>): each worker materialises the rows it reads
/// with their hashes and key words (<see cref="PackedBuildPart"/>), the parts are concatenated, then indexed by value when the one integer key is dense, else in a <see cref="JoinKeyTable"/>.
/// </summary>
internal sealed partial class JoinHashTable
{
    // Row r's key is _keyWords[r * _wordsPerKey ..], _keyOffsets[r] -1 when it has a NULL. Rented, as the others.
    private ulong[] _keyWords = [];
    private int _wordsPerKey;
    private JoinKeyTable? _keyTable;

    /// <summary>Set when the build keys were packed; probes then call <see cref="FindPacked"/>.</summary>
    public bool Packed => _keyTable is not null;

    /// <summary>The newest build row of each probe key (-1 for none or a NULL key) of a packed probe batch.</summary>
    public void FindPacked(JoinKeyEncoder probe, Span<int> heads) =>
        _keyTable!.Find(probe.Hashes.AsSpan(0, probe.Count), probe.Keys, probe.HasNull.AsSpan(0, probe.Count), heads);

    private void BuildPacked(QueryContext context, PhysicalOperator input, IReadOnlyList<Expression> keys, PackedKeyLayout layout, bool integerKey)
    {
        _wordsPerKey = layout.Words;
        var workers = context.Parallelism;
        var encoders = new JoinKeyEncoder?[workers];
        var scratches = new EvaluationScratch?[workers];
        var parts = new PackedBuildPart?[workers];
        try
        {
            ParallelDrain.Run(context, input, workers, (w, batch) =>
            {
                var encoder = encoders[w] ??= new JoinKeyEncoder(layout);
                var scratch = scratches[w] ??= new EvaluationScratch();
                var vectors = EvaluateKeys(keys, batch, scratch);
                encoder.Encode(vectors, batch.Rows);
                ReleaseKeys(vectors, scratch);
                (parts[w] ??= new PackedBuildPart(_types, _wordsPerKey, _memory)).Append(batch, encoder);
            });
            Concatenate(parts, workers);
        }
        finally
        {
            foreach (var part in parts)
                part?.Dispose();
        }
        var count = Rows.Count;
        Reserve(count * 5L);
        Next = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        Next.AsSpan(0, count).Fill(-1);
        Matched = ArrayPool<byte>.Shared.Rent(Math.Max(1, count));
        Matched.AsSpan(0, count).Clear();
        var keyWords = _keyWords.AsSpan(0, count * _wordsPerKey);
        var bits = layout.Values[0].Bits;
        if (integerKey && DenseKeyIndex.Slots(count, _keyOffsets, keyWords, bits, out var min) is > 0 and var slots)
        {
            Reserve(slots * 4);
            Dense = DenseKeyIndex.Build(slots, min, count, _keyOffsets, keyWords, bits, Next);
            return;
        }
        _keyTable = JoinKeyTable.Build(context, workers, count, _hashes, _keyWords, _keyOffsets, _wordsPerKey, Next);
    }

    /// <summary>Puts the workers' parts one after another: rows, hashes, key words and key offsets, all on
    /// every worker (the columns one per worker, the key arrays one part per worker).</summary>
    private void Concatenate(PackedBuildPart?[] parts, int workers)
    {
        var filled = new List<PackedBuildPart>(parts.Length);
        var count = 0;
        foreach (var part in parts)
        {
            if (part is null)
                continue;
            filled.Add(part);
            count += part.Count;
            HasNullKey |= part.NullRows.Count > 0;
        }
        EnsureWordRoom(count);
        var columns = new ColumnCollection[filled.Count];
        for (var i = 0; i < columns.Length; i++)
            columns[i] = filled[i].Rows;
        Rows.AppendParts(columns, workers);
        var words = _wordsPerKey;
        ParallelDrain.For(Math.Max(1, Math.Min(workers, filled.Count)), w =>
        {
            var first = 0;
            for (var i = 0; i < filled.Count; i++)
            {
                var part = filled[i];
                if (i % workers == w)
                {
                    part.Hashes.AsSpan(0, part.Count).CopyTo(_hashes.AsSpan(first));
                    part.KeyWords.AsSpan(0, part.Count * words).CopyTo(_keyWords.AsSpan(first * words));
                    var offsets = _keyOffsets.AsSpan(first, part.Count);
                    for (var k = 0; k < offsets.Length; k++)
                        offsets[k] = (first + k) * words;
                    foreach (var r in part.NullRows)
                        offsets[r] = -1;
                }
                first += part.Count;
            }
        });
    }

    private void EnsureWordRoom(int rows)
    {
        if (rows + 1 > _hashes.Length)
        {
            var size = Math.Max(rows + 1, _hashes.Length * 2);
            Reserve((size - _hashes.Length) * 12L);
            _hashes = Regrow(_hashes, size, rows);
            _keyOffsets = Regrow(_keyOffsets, size + 1, rows + 1);
        }
        if (rows * _wordsPerKey > _keyWords.Length)
        {
            var size = Math.Max(rows * _wordsPerKey, Math.Max(1024, _keyWords.Length * 2));
            Reserve((size - _keyWords.Length) * 8L);
            _keyWords = _keyWords.Length == 0 ? ArrayPool<ulong>.Shared.Rent(size) : Regrow(_keyWords, size, _keyWords.Length);
        }
    }
}
