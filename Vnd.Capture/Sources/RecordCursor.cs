using System.Runtime.CompilerServices;

namespace Vnd.Capture.Sources;

/// <summary>
/// The per-record call of a loop over a source, as a struct type argument: a loop generic over a struct is compiled
/// once per cursor type, so the call to the sealed <see cref="PcapReader"/> is direct and can be inlined, where a call
/// through <see cref="IRecordSource"/> is an interface dispatch per packet.
/// </summary>
internal interface IRecordCursor
{
    bool TryReadNext(out PacketRecord record);
}

/// <summary>A classic pcap file: its reader's <see cref="PcapReader.TryReadNext"/> called directly.</summary>
internal readonly struct PcapCursor(PcapReader reader) : IRecordCursor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadNext(out PacketRecord record) => reader.TryReadNext(out record);
}

/// <summary>Any other source (pcapng, a caller's own), through the interface.</summary>
internal readonly struct SourceCursor(IRecordSource source) : IRecordCursor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadNext(out PacketRecord record) => source.TryReadNext(out record);
}
