using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>
/// An integer field whose reader was chosen once (when a trace table's columns are planned) rather than by a
/// dispatch on its <see cref="FieldId"/> for every packet: layer fields and the packet id go straight to their
/// reader; packet-level and frame-dependent fields keep the general <see cref="FieldReader.TryGetInt64"/>.
/// </summary>
internal readonly unsafe struct ResolvedInt64Field
{
    private readonly delegate*<in HeaderLayer, out long, bool> _read;
    private readonly FieldId _id;
    private readonly LayerRole _layer;

    public ResolvedInt64Field(FieldId id)
    {
        _id = id;
        _layer = FieldIds.LayerOf(id);
        // Null for packet-level ids (frame.*, tunnel ids, flow key): no layer field has their base id.
        _read = LayerFieldReader.Int64Reader(FieldIds.BaseOf(id));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(in DecodedPacket packet, ReadOnlySpan<byte> frame, out long value) =>
        _read != null
            ? _read(in FieldReader.Layer(in packet, _layer), out value)
            : FieldReader.TryGetInt64(in packet, frame, _id, out value);
}
