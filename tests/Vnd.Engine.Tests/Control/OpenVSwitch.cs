namespace Vnd.Engine.Tests.Control;

/// <summary>
/// A throw-away OVS bridge on the userspace (netdev) datapath, which needs no openvswitch kernel module, so it
/// works in containers and VMs without one. Starts ovsdb-server/ovs-vswitchd when they are not running.
/// </summary>
internal sealed class OpenVSwitch : IDisposable
{
    private const string Control = "/usr/share/openvswitch/scripts/ovs-ctl";

    private readonly List<string> hostEnds = [];

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

    /// <summary>
    /// Plugs a node into the bridge the way a hypervisor does: a veth whose host end is a bridge port with the
    /// model's OpenFlow number and whose other end is <c>eth0</c> in the node's namespace with the model's MAC.
    /// </summary>
    public void Plug(NetworkNamespace node, int ofPort, string mac, string address)
    {
        var hostEnd = $"vt{Bridge[4..]}{ofPort:x}";
        Tool.Check("ip", "link", "add", "name", hostEnd, "type", "veth", "peer", "name", "eth0", "netns", node.Name);
        hostEnds.Add(hostEnd);
        Tool.Check("ip", "link", "set", hostEnd, "up");
        node.Exec("ip", "link", "set", "eth0", "address", mac);
        node.Exec("ip", "addr", "add", address, "dev", "eth0");
        node.Exec("ip", "link", "set", "eth0", "up");
        Tool.Check("ovs-vsctl", "--timeout=10", "add-port", Bridge, hostEnd, "--", "set", "interface", hostEnd,
            $"ofport_request={ofPort}");
    }

    /// <summary>Packets counted by the rules carrying a cookie (sum of <c>n_packets</c>).</summary>
    public long Packets(string cookie)
    {
        long total = 0;
        foreach (var line in Flows($"cookie={cookie}/-1"))
        {
            var at = line.IndexOf("n_packets=", StringComparison.Ordinal) + "n_packets=".Length;
            total += long.Parse(line.AsSpan(at, line.IndexOf(',', at) - at), System.Globalization.CultureInfo.InvariantCulture);
        }
        return total;
    }

    public void Dispose()
    {
        Tool.Run(["ovs-vsctl", "--timeout=10", "--if-exists", "del-br", Bridge]);
        foreach (var hostEnd in hostEnds)
            Tool.Run(["ip", "link", "del", hostEnd]);
    }

}
