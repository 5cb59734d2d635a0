using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>
/// An integer field whose kind of reader was chosen once (when a trace table's columns are planned) rather than
/// for every packet: a layer field goes straight to its layer's jump table; packet-level and frame-dependent
/// fields keep the general <see cref="FieldReader.TryGetInt64"/>.
/// </summary>
internal readonly struct ResolvedInt64Field
{
    private readonly FieldId _id;
    private readonly FieldId _baseId;
    private readonly LayerRole _layer;
    private readonly bool _isLayerField;

    public ResolvedInt64Field(FieldId id)
    {
        _id = id;
        _baseId = FieldIds.BaseOf(id);
        _layer = FieldIds.LayerOf(id);
        _isLayerField = LayerFieldReader.IsInt64Field(_baseId);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(in DecodedPacket packet, ReadOnlySpan<byte> frame, out long value) =>
        _isLayerField
            ? LayerFieldReader.TryGetInt64(in FieldReader.Layer(in packet, _layer), _baseId, out value)
            : FieldReader.TryGetInt64(in packet, frame, _id, out value);
}
