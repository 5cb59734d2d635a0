namespace Vnd.Planner.Distributed;

/// <summary>
/// Where a plan fragment runs, as the tenant sees it: a virtual capture point's name (the table server that holds
/// its trace tables), or the coordinator (the control server). Never a hypervisor: the mapping from site to
/// endpoint belongs to the control plane, so plans and EXPLAIN stay meaningful to the tenant.
/// </summary>
public readonly record struct Site(string Name)
{
    public static Site Coordinator { get; } = new("coordinator");

    public bool IsCoordinator => Name == Coordinator.Name;

    public override string ToString() => Name;
}
