namespace Vnd.Executor.Operators.Aggregates;

/// <summary>For accumulators that keep every row (ordered-set and ordered aggregates): which kept rows belong to
/// each of the groups being finished.</summary>
internal static class GroupMembers
{
    /// <summary>Row ids per group first .. first + count - 1 (null where a group kept no row), in arrival order.</summary>
    public static List<int>?[] Of(List<int> groupOf, int first, int count)
    {
        var members = new List<int>?[count];
        for (var id = 0; id < groupOf.Count; id++)
        {
            var g = groupOf[id] - first;
            if (g >= 0 && g < count)
                (members[g] ??= []).Add(id);
        }
        return members;
    }
}
