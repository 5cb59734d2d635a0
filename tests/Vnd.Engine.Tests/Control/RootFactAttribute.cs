namespace Vnd.Engine.Tests.Control;

/// <summary>
/// A fact that changes network namespaces and so needs root. It is skipped with a reason when not root, except
/// under CI (<c>CI=true</c>, always root there), where it runs and fails loudly if it cannot.
/// </summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && !IsRoot())
            Skip = "needs root to create network namespaces and tc/OVS rules (runs under CI=true)";
    }

    private static bool IsRoot() => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;
}
