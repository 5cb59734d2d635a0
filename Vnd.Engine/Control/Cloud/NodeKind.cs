using System.Text.Json.Serialization;

namespace Vnd.Engine.Control.Cloud;

/// <summary>What a virtual node is; appliances are modelled as VMs on the overlay (paper §3.4.1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NodeKind>))]
public enum NodeKind
{
    Vm,
    Router,
    Lb,
    Fw,
    Ids,
    Nat,
    Re,
    Proxy,
    Gateway,
}
