using System.Runtime.CompilerServices;

namespace Vnd.Capture.Decoding;

/// <summary>The VLAN ids of one layer's tags, outermost first (QinQ and deeper).</summary>
[InlineArray(PacketDecoder.MaxVlanTags)]
public struct VlanStack
{
    private ushort _first;
}
