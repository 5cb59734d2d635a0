using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>Layer bits of a <see cref="FieldId"/>: which <see cref="HeaderLayer"/> of a packet a field reads.</summary>
public static class FieldIds
{
    public const ushort InnerBit = 0x1000;
    public const ushort QuotedBit = 0x2000;
    private const ushort LayerMask = InnerBit | QuotedBit;

    public static FieldId WithLayer(FieldId id, LayerRole layer) => layer switch
    {
        LayerRole.Inner => (FieldId)((ushort)id | InnerBit),
        LayerRole.Quoted => (FieldId)((ushort)id | QuotedBit),
        _ => id,
    };

    public static FieldId BaseOf(FieldId id) => (FieldId)((ushort)id & ~LayerMask);

    public static LayerRole LayerOf(FieldId id) =>
        ((ushort)id & InnerBit) != 0 ? LayerRole.Inner : ((ushort)id & QuotedBit) != 0 ? LayerRole.Quoted : LayerRole.Outer;
}
