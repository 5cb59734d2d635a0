namespace Vnd.Engine.Tests.Control;

/// <summary>
/// A fact that drives a real Open vSwitch (package <c>openvswitch-switch</c>): needs root and <c>ovs-vsctl</c>.
/// Outside CI it is skipped with a reason when either is missing; under <c>CI=true</c> it always runs, so a CI
/// image without Open vSwitch fails instead of silently not checking the OpenFlow rules.
/// </summary>
internal sealed class OvsFactAttribute : FactAttribute
{
    public OvsFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
            return;
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
            Skip = "needs root to run Open vSwitch (runs under CI=true)";
        else if (!Tool.Exists("ovs-vsctl"))
            Skip = "needs Open vSwitch: apt-get install openvswitch-switch (runs under CI=true)";
    }
}
