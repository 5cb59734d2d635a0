namespace Vnd.Engine.Tests.Control;

/// <summary>
/// A throw-away OVS bridge on the userspace (netdev) datapath, which needs no openvswitch kernel module, so it
/// works in containers and VMs without one. Starts ovsdb-server/ovs-vswitchd when they are not running.
/// </summary>
internal sealed class OpenVSwitch : IDisposable
{
    private const string Control = "/usr/share/openvswitch/scripts/ovs-ctl";

    private OpenVSwitch(string bridge) => Bridge = bridge;

    public string Bridge { get; }

    public static OpenVSwitch CreateBridge()
    {
        Assert.True(Tool.Exists("ovs-vsctl"), "Open vSwitch is not installed: apt-get install openvswitch-switch");
        if (Tool.Run(["ovs-vsctl", "--timeout=5", "show"]).ExitCode != 0)
        {
            Assert.True(File.Exists(Control), $"cannot start Open vSwitch: {Control} is missing");
            var started = Tool.Run([Control, "start", "--system-id=random"]);
            Assert.True(Tool.Run(["ovs-vsctl", "--timeout=5", "show"]).ExitCode == 0, $"Open vSwitch did not start: {started}");
        }
        var bridge = "vndt" + Guid.NewGuid().ToString("N")[..8];
        Tool.Check("ovs-vsctl", "--timeout=10", "add-br", bridge, "--", "set", "bridge", bridge, "datapath_type=netdev");
        return new OpenVSwitch(bridge);
    }

    /// <summary>Runs an ovs-ofctl command line rendered for another bridge against this one.</summary>
    public string Ofctl(IReadOnlyList<string> rendered)
    {
        Assert.Equal("ovs-ofctl", rendered[0]);
        var arguments = rendered.ToArray();
        arguments[4] = Bridge; // ovs-ofctl -O OpenFlow13 VERB BRIDGE ...
        return Tool.Check(arguments);
    }

    /// <summary>Flow lines of <c>dump-flows</c> (header dropped), optionally filtered by a match.</summary>
    public string[] Flows(string? match = null)
    {
        var output = match is null
            ? Tool.Check("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", Bridge)
            : Tool.Check("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", Bridge, match);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("cookie=", StringComparison.Ordinal)).ToArray();
    }

    public void Dispose() => Tool.Run(["ovs-vsctl", "--timeout=10", "--if-exists", "del-br", Bridge]);
}
