using System.Globalization;
using System.Text;
using Vnd.Engine.Control.Cloud;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// One concrete conjunction a switch rule can express: every field fixed to one direction. A flow pattern with
/// either-direction terms expands into several of these (OpenFlow and tc u32 have no OR within a rule).
/// </summary>
public sealed record FlowMatch(
    IpPrefix? Source, IpPrefix? Destination, byte? Protocol, ushort? SourcePort, ushort? DestinationPort)
{
    /// <summary>Matches every IPv4 packet.</summary>
    public static FlowMatch Any { get; } = new(null, null, null, null, null);

    /// <summary>TCP's IP protocol number.</summary>
    public const byte Tcp = 6;

    /// <summary>UDP's IP protocol number.</summary>
    public const byte Udp = 17;

    /// <summary>This match narrowed to a source block, or null when that contradicts it.</summary>
    public FlowMatch? WithSource(IpPrefix block) =>
        Source is not { } current ? this with { Source = block } :
        current.Intersect(block) is { } narrowed ? this with { Source = narrowed } : null;

    /// <summary>This match narrowed to a destination block, or null when that contradicts it.</summary>
    public FlowMatch? WithDestination(IpPrefix block) =>
        Destination is not { } current ? this with { Destination = block } :
        current.Intersect(block) is { } narrowed ? this with { Destination = narrowed } : null;

    /// <summary>This match narrowed to one IP protocol, or null when another is already required.</summary>
    public FlowMatch? WithProtocol(byte protocol) =>
        Protocol is null || Protocol == protocol ? this with { Protocol = protocol } : null;

    /// <summary>This match narrowed to a transport source port of a protocol.</summary>
    public FlowMatch? WithSourcePort(byte protocol, ushort port) =>
        WithProtocol(protocol) is { } m && (m.SourcePort is null || m.SourcePort == port)
            ? m with { SourcePort = port } : null;

    /// <summary>This match narrowed to a transport destination port of a protocol.</summary>
    public FlowMatch? WithDestinationPort(byte protocol, ushort port) =>
        WithProtocol(protocol) is { } m && (m.DestinationPort is null || m.DestinationPort == port)
            ? m with { DestinationPort = port } : null;

    /// <summary>A compact, stable description for golden files and logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, "src", Source?.ToString());
        Append(text, "dst", Destination?.ToString());
        Append(text, "proto", Protocol?.ToString(CultureInfo.InvariantCulture));
        Append(text, "sport", SourcePort?.ToString(CultureInfo.InvariantCulture));
        Append(text, "dport", DestinationPort?.ToString(CultureInfo.InvariantCulture));
        return text.Length == 0 ? "ip" : text.ToString();
    }

    private static void Append(StringBuilder text, string name, string? value)
    {
        if (value is null)
            return;
        if (text.Length > 0)
            text.Append(' ');
        text.Append(name).Append('=').Append(value);
    }
}
