using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Windows;

/// <summary>The ranking functions that need the partition's size: ntile, percent_rank and cume_dist (PostgreSQL's formulas).</summary>
internal static class Distribution
{
    public static void Compute(WindowCall call, int[] order, PeerGroups peers, Vector argument, Vector result)
    {
        int start = peers.Start, end = peers.End, total = end - start;
        switch (call.Kind)
        {
            case WindowKind.PercentRank:
                // (rank − 1) / (rows − 1); a single-row partition gives 0.
                for (var i = start; i < end; i++)
                    result.Set(i, total <= 1 ? 0.0 : (double)(peers.GroupStart(peers.GroupOf(i)) - start) / (total - 1));
                return;
            case WindowKind.CumeDist:
                // Rows up to and including the current row's last peer, over the partition's rows.
                for (var i = start; i < end; i++)
                    result.Set(i, (double)(peers.GroupEnd(peers.GroupOf(i)) - start) / total);
                return;
        }
        Ntile(order, start, end, argument, result);
    }

    /// <summary>
    /// ntile(n) deals the rows into n buckets as evenly as possible, the first rows % n buckets one row larger;
    /// n is read at the partition's first row (PostgreSQL evaluates it once per partition). NULL n gives NULLs.
    /// </summary>
    private static void Ntile(int[] order, int start, int end, Vector argument, Vector result)
    {
        if (start >= end)
            return;
        var first = order[start];
        if (argument.IsNull(first))
        {
            VectorCopy.SetNulls(result, start, end - start);
            return;
        }
        var buckets = (long)argument.Get<int>(first);
        if (buckets <= 0)
            throw new ExecutionException("22014", "argument of ntile must be greater than zero");
        long total = end - start;
        var size = total / buckets;
        var larger = total % buckets;
        long bucket = 1, left = size + (larger > 0 ? 1 : 0);
        for (var i = start; i < end; i++)
        {
            if (left == 0)
            {
                bucket++;
                left = size + (bucket <= larger ? 1 : 0);
            }
            result.Set(i, (int)bucket);
            left--;
        }
    }
}
