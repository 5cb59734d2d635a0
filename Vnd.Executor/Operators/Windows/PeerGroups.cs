namespace Vnd.Executor.Operators.Windows;

/// <summary>
/// The peer groups (rows equal on ORDER BY) of one partition, found once per partition and shared by every
/// function: ranks, RANGE/GROUPS frames and the default frame all read them. Arrays are reused across partitions.
/// </summary>
internal sealed class PeerGroups
{
    private int[] _groupOf = [];
    private int[] _groupStarts = [];

    public int Start { get; private set; }

    public int End { get; private set; }

    public int Count { get; private set; }

    /// <summary>Groups sorted positions [start, end) of <paramref name="order"/>; without ORDER BY all rows are peers.</summary>
    public void Find(int[] order, int start, int end, WindowStream.KeyColumn keys, bool ordered)
    {
        Start = start;
        End = end;
        var n = end - start;
        if (_groupOf.Length < n)
            _groupOf = new int[Math.Max(n, _groupOf.Length * 2)];
        if (_groupStarts.Length < n + 1)
            _groupStarts = new int[Math.Max(n + 1, _groupStarts.Length * 2)];
        Count = 0;
        for (var i = start; i < end; i++)
        {
            if (i == start || (ordered && keys.Compare(order[i - 1], order[i]) != 0))
                _groupStarts[Count++] = i;
            _groupOf[i - start] = Count - 1;
        }
        _groupStarts[Count] = end;
    }

    /// <summary>The peer group number of sorted position <paramref name="i"/>.</summary>
    public int GroupOf(int i) => _groupOf[i - Start];

    public int GroupStart(int group) => _groupStarts[group];

    public int GroupEnd(int group) => _groupStarts[group + 1];
}
