using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Tests.Control;

/// <summary>The paper's two diagnosis requests against the built-in demo cloud.</summary>
internal static class DemoRequests
{
    /// <summary>
    /// §5.1.1: tenant1 captures all traffic with the server's address at A (RE side of link A), B (IDS side of
    /// link B) and C (server side of link C) to compare RTT and loss per middlebox.
    /// </summary>
    public static DiagnosisRequest Chain()
    {
        var server = FlowPattern.Of(new FlowConstraint(FlowField.IpHost, "10.0.3.10"));
        return new DiagnosisRequest("tenant1",
        [
            CaptureTarget.Link("A", server, "re"),
            CaptureTarget.Link("B", server, "ids"),
            CaptureTarget.Link("C", server, "server"),
        ]);
    }

    /// <summary>Fig. 5: tenant2's node lb, input and output, port 80 between 10.0.0.6 and 10.0.0.8.</summary>
    public static DiagnosisRequest Figure5() => new("tenant2",
    [
        CaptureTarget.Node("lb", input: true, output: true, FlowPattern.Of(
            new FlowConstraint(FlowField.TcpPort, "80"),
            new FlowConstraint(FlowField.IpHost, "10.0.0.6"),
            new FlowConstraint(FlowField.IpHost, "10.0.0.8"))),
    ]);

    /// <summary>Renders every hypervisor's install and remove commands as golden text.</summary>
    public static string Describe(IReadOnlyList<MirrorRules> rules)
    {
        var text = new System.Text.StringBuilder();
        foreach (var host in rules)
        {
            text.Append("# hypervisor ").Append(host.Hypervisor).Append('\n').Append("# install\n");
            foreach (var command in host.Install)
                text.Append(command).Append('\n');
            text.Append("# remove\n");
            foreach (var command in host.Remove)
                text.Append(command).Append('\n');
        }
        return text.ToString();
    }
}
