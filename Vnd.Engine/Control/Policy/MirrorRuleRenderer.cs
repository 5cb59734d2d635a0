namespace Vnd.Engine.Control.Policy;

/// <summary>Groups a policy's capture points by hypervisor in first-appearance order, for the renderers.</summary>
internal static class MirrorRuleRenderer
{
    public static List<(string Hypervisor, List<CapturePoint> Points)> ByHypervisor(CollectionPolicy policy)
    {
        var groups = new List<(string Hypervisor, List<CapturePoint> Points)>();
        foreach (var point in policy.CapturePoints)
        {
            var index = groups.FindIndex(g => g.Hypervisor == point.Hypervisor);
            if (index < 0)
                groups.Add((point.Hypervisor, [point]));
            else
                groups[index].Points.Add(point);
        }
        return groups;
    }
}
