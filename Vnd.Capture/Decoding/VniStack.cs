using System.Runtime.CompilerServices;

namespace Vnd.Capture.Decoding;

/// <summary>The VXLAN network identifiers of a packet, outermost first (nested VXLAN keeps up to four).</summary>
[InlineArray(Capacity)]
public struct VniStack
{
    public const int Capacity = 4;

    private uint _first;
}
