using Vnd.Executor.Execution;
using Vnd.Executor.Remote;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// The left site's half of set reconciliation: receive the other side's table, build the same over the input's
/// keys, subtract and peel. Peeling yields each key whose count differs with (left count − right count); a key is
/// only here exactly when that net count equals its full count here, which a second pass counts for the peeled
/// keys alone. A table that does not peel, or a peel that contradicts the counts here (a net count above the
/// count), means the table was too small: the other side's table of twice the cells is tried next, then its
/// distinct keys are read, so the answer is exact either way.
/// </summary>
internal sealed class Reconciliation(SetDifferenceJoinOperator plan, QueryContext context)
{
    public ReconciledKeys Run()
    {
        SetSketchHeader header;
        var keys = new IntegerKeyReader(plan.Key);
        using (var theirs = new InvertibleBloomLookupTable(plan.Cells, context.Memory))
        {
            header = SketchReceiver.Receive(plan.Sketch, theirs, context);
            if (header.HasNull && plan.Type == Joins.JoinType.NullAwareAnti)
                return new ReconciledKeys(plan.Type, header, [], null); // NOT IN: nothing is kept, no need to look further
            if (Peeled(theirs, keys) is { } onlyHere)
                return new ReconciledKeys(plan.Type, header, onlyHere, null);
        }
        using (var retry = new InvertibleBloomLookupTable(plan.RetryCells, context.Memory))
        {
            SketchReceiver.Receive(plan.Retry, retry, context);
            if (Peeled(retry, keys) is { } onlyHere)
                return new ReconciledKeys(plan.Type, header, onlyHere, null);
        }
        var (other, reserved) = OtherKeys();
        return new ReconciledKeys(plan.Type, header, null, other, context.Memory, reserved);
    }

    /// <summary>The keys only here, from the other side's table and the same over this input; null when it does not peel.</summary>
    private HashSet<long>? Peeled(InvertibleBloomLookupTable theirs, IntegerKeyReader keys)
    {
        using var mine = new InvertibleBloomLookupTable(theirs.Cells, context.Memory);
        Scan(keys, (values, nulls, count) =>
        {
            for (var k = 0; k < count; k++)
            {
                if (!nulls[k])
                    mine.Add(values[k]);
            }
        });
        mine.Subtract(theirs);
        var difference = new Dictionary<long, long>();
        return mine.Peel(difference) ? OnlyHere(difference, keys) : null;
    }

    /// <summary>The peeled keys whose net count is their whole count here; null when a net count is impossible.</summary>
    private HashSet<long>? OnlyHere(Dictionary<long, long> difference, IntegerKeyReader keys)
    {
        var here = new Dictionary<long, long>();
        foreach (var (key, net) in difference)
        {
            if (net > 0)
                here[key] = 0;
        }
        if (here.Count > 0)
        {
            Scan(keys, (values, nulls, count) =>
            {
                for (var k = 0; k < count; k++)
                {
                    if (!nulls[k] && here.TryGetValue(values[k], out var seen))
                        here[values[k]] = seen + 1;
                }
            });
        }
        var onlyHere = new HashSet<long>(here.Count);
        foreach (var (key, count) in here)
        {
            var net = difference[key];
            if (net > count)
                return null;
            if (net == count)
                onlyHere.Add(key);
        }
        return onlyHere;
    }

    private delegate void KeyBatch(long[] values, bool[] nulls, int count);

    /// <summary>One pass over the whole input (every partition), handing each batch's keys to <paramref name="consume"/>.</summary>
    private void Scan(IntegerKeyReader keys, KeyBatch consume)
    {
        using var input = plan.Input.Open(context);
        while (input.Next() is { } batch)
        {
            context.CheckCancelled();
            consume(keys.Values, keys.IsNull, keys.Read(batch));
        }
    }

    /// <summary>
    /// The fallback: the other side's distinct non-NULL keys, read in full, their memory (about
    /// <see cref="BytesPerKey"/> each in a hash set) reserved against the query's budget as they arrive.
    /// </summary>
    private (HashSet<long> Keys, long Reserved) OtherKeys()
    {
        var keys = new HashSet<long>();
        long reserved = 0;
        try
        {
            using var rows = plan.Fallback.Open(context);
            while (rows.Next() is { } batch)
            {
                context.CheckCancelled();
                var column = batch[0];
                foreach (var row in batch.Rows)
                {
                    if (!column.IsNull(row))
                        keys.Add(Widen(column, row));
                }
                var needed = (long)keys.Count * BytesPerKey;
                if (needed > reserved)
                {
                    context.Memory.Reserve(needed - reserved);
                    reserved = needed;
                }
            }
            return (keys, reserved);
        }
        catch
        {
            context.Memory.Release(reserved);
            throw;
        }
    }

    /// <summary>A HashSet&lt;long&gt; entry (value, hash code, next index) plus its bucket.</summary>
    private const int BytesPerKey = 24;

    private static long Widen(Vector column, int row) => column.PhysicalType switch
    {
        PhysicalType.Int16 => column.Get<short>(row),
        PhysicalType.Int32 => column.Get<int>(row),
        _ => column.Get<long>(row),
    };
}
