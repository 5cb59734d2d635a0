namespace Vnd.Executor.Operators.Windows;

/// <summary>
/// The encoded keys one RANGE frame with offsets needs: every row's ORDER BY key and its start/end edge values
/// (key ∓ offset), all with the ORDER BY's direction and NULL placement, so "within the offset" is a byte
/// comparison and the rows of a partition are sorted by <see cref="Key"/>. An edge is found by binary search.
/// </summary>
internal sealed class RangeFrameKeys(WindowStream.KeyColumn key, WindowStream.KeyColumn start, WindowStream.KeyColumn end)
{
    public WindowStream.KeyColumn Key => key;

    public WindowStream.KeyColumn Start => start;

    public WindowStream.KeyColumn End => end;

    /// <summary>
    /// The first sorted position of the frame (<paramref name="isStart"/>) or the first after it. PostgreSQL: a row
    /// whose key is NULL has its NULL peers as the frame of an offset bound; otherwise NULL keys are never within
    /// an offset of a value (they sort before or after every value, which the search keeps them).
    /// </summary>
    public int Edge(int[] order, int i, PeerGroups peers, bool isStart)
    {
        var current = order[i];
        if (key.IsNull(current))
        {
            var group = peers.GroupOf(i);
            return isStart ? peers.GroupStart(group) : peers.GroupEnd(group);
        }
        var edge = isStart ? start : end;
        int low = peers.Start, high = peers.End;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            var c = key.CompareWith(order[middle], edge, current);
            if (c < 0 || (!isStart && c == 0))
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
