using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// The build of keys packed into words (<see cref="JoinKeyEncoder"/>): each worker materialises the rows it reads
/// with their hashes and key words into chunks of its own (<see cref="BuildChunkStore"/>), read where they were
/// written; then the rows are indexed by value when the one integer key is dense, else in a <see cref="JoinKeyTable"/>.
/// </summary>
internal sealed partial class JoinHashTable
{
    private BuildChunkStore? _store;
    private JoinKeyTable? _keyTable;
    // Set when Next and Matched were rented from the query's recycler rather than ArrayPool.
    private BufferRecycler? _buffers;

    /// <summary>Set when the build keys were packed; probes then call <see cref="FindPacked"/>.</summary>
    public bool Packed => _keyTable is not null;

    /// <summary>The newest build row of each probe key (-1 for none or a NULL key) of a packed probe batch.</summary>
    public void FindPacked(JoinKeyEncoder probe, Span<int> heads) =>
        _keyTable!.Find(probe.Hashes.AsSpan(0, probe.Count), probe.Keys, probe.HasNull.AsSpan(0, probe.Count), heads);

    private void BuildPacked(QueryContext context, PhysicalOperator input, IReadOnlyList<Expression> keys, PackedKeyLayout layout, bool integerKey)
    {
        var workers = context.Parallelism;
        var encoders = new JoinKeyEncoder?[workers];
        var scratches = new EvaluationScratch?[workers];
        var current = new BuildChunk?[workers];
        var store = _store = new BuildChunkStore(_types, layout.Words, _memory, context.Buffers);
        ParallelDrain.Run(context, input, workers, (w, batch) =>
        {
            var encoder = encoders[w] ??= new JoinKeyEncoder(layout);
            var scratch = scratches[w] ??= new EvaluationScratch(context);
            var vectors = EvaluateKeys(keys, batch, scratch);
            encoder.Encode(vectors, batch.Rows);
            ReleaseKeys(vectors, scratch);
            store.Append(ref current[w], batch, encoder);
        });
        store.Seal();
        foreach (var chunk in store.Chunks)
            HasNullKey |= chunk.AnyNull;
        var ids = store.IdLimit;
        Reserve(ids * 5L);
        // From the engine's recycler (not cleared: both are filled here); Dispose gives them back.
        _buffers = context.Buffers;
        Next = _buffers.Rent<int>(Math.Max(1, ids));
        Next.AsSpan(0, ids).Fill(-1);
        Matched = _buffers.Rent<byte>(Math.Max(1, ids));
        Matched.AsSpan(0, ids).Clear();
        var bits = layout.Values[0].Bits;
        if (integerKey && DenseKeyIndex.Slots(store, bits, out var min) is > 0 and var slots)
        {
            Reserve(slots * 4);
            Dense = DenseKeyIndex.Build(slots, min, store, bits, Next);
            return;
        }
        _keyTable = JoinKeyTable.Build(context, workers, store, layout.Words, Next);
    }
}
