using System.Text.Json.Serialization;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// Which way through a node's switch port a tap copies, named from the node's side so it cannot be confused with
/// the switch's or the Linux device's view: <see cref="FromNode"/> is what the node sends (the tap device's
/// ingress on the host, OpenFlow <c>in_port</c> = the port); <see cref="ToNode"/> is what the node receives (the
/// tap device's egress on the host, frames the switch delivers to the node's MAC).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TapDirection>))]
public enum TapDirection
{
    FromNode,
    ToNode,
}
