namespace Vnd.Engine.Tests.Control;

/// <summary>
/// A throw-away network namespace (<c>vndtest-&lt;random&gt;</c>) so tests can create devices and tc rules
/// without touching the host's interfaces; deleting it removes everything inside.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    public static NetworkNamespace Create()
    {
        var name = "vndtest-" + Guid.NewGuid().ToString("N")[..10];
        Tool.Check("ip", "netns", "add", name);
        var ns = new NetworkNamespace(name);
        try
        {
            // No IPv6 autoconfiguration chatter, so device counters count only the test's own packets.
            ns.Exec("sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
            ns.Exec("sysctl", "-q", "-w", "net.ipv6.conf.default.disable_ipv6=1");
            ns.Exec("ip", "link", "set", "lo", "up");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>Runs a command inside the namespace and asserts it succeeded.</summary>
    public string Exec(params string[] arguments) => Tool.Check(["ip", "netns", "exec", Name, .. arguments]);

    /// <summary>Runs a command inside the namespace without asserting.</summary>
    public Tool.Result TryExec(params string[] arguments) => Tool.Run(["ip", "netns", "exec", Name, .. arguments]);

    /// <summary>Creates a veth pair, both ends up.</summary>
    public void Veth(string name, string peer)
    {
        Exec("ip", "link", "add", "name", name, "type", "veth", "peer", "name", peer);
        Exec("ip", "link", "set", name, "up");
        Exec("ip", "link", "set", peer, "up");
    }

    /// <summary>A device's received-packet counter.</summary>
    public long RxPackets(string device) =>
        long.Parse(Exec("cat", $"/sys/class/net/{device}/statistics/rx_packets").Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => Tool.Run(["ip", "netns", "del", Name]);
}
