using Vnd.Capture.Decoding;

namespace Vnd.Capture.Import;

/// <summary>
/// A run of decoded packets that the importer hands to the trace tables together, so that each column is filled
/// for many rows by one loop (one virtual call and one choice of reader per column per run, not per packet).
/// Packets are decoded in place into reused slots. The frames themselves are copied only when a column reads
/// frame bytes (payload, payload hash): a record's bytes are gone once the next record is read.
/// </summary>
internal sealed class PacketBatch
{
    /// <summary>Packets per run: large enough to amortise the per-column work, small enough to stay in cache.</summary>
    public const int Capacity = 128;

    /// <summary>With frames kept, a run also ends once they fill this many bytes (large frames, large pcapng records).</summary>
    private const int FrameBytesSoftLimit = 1 << 20;

    private readonly DecodedPacket[] _packets = new DecodedPacket[Capacity];
    private readonly int[]? _frameStarts;
    private byte[] _frames = [];
    private int _count;

    public PacketBatch(bool keepFrames)
    {
        for (var i = 0; i < _packets.Length; i++)
            _packets[i] = DecodedPacket.Create();
        if (keepFrames)
            _frameStarts = new int[Capacity + 1];
    }

    public int Count => _count;

    public bool IsFull => _count == Capacity || (_frameStarts is not null && _frameStarts[_count] >= FrameBytesSoftLimit);

    public ReadOnlySpan<DecodedPacket> Packets => _packets.AsSpan(0, _count);

    /// <summary>The slot the next packet is decoded into; it joins the run with <see cref="Add"/>.</summary>
    public ref DecodedPacket Next => ref _packets[_count];

    /// <summary>Adds the packet decoded into <see cref="Next"/> from <paramref name="frame"/>; returns its index.</summary>
    public int Add(ReadOnlySpan<byte> frame)
    {
        if (_frameStarts is not null)
        {
            var start = _frameStarts[_count];
            var end = start + frame.Length;
            if (end > _frames.Length)
                Array.Resize(ref _frames, Math.Max(end, Math.Max(2 * _frames.Length, 64 * 1024)));
            frame.CopyTo(_frames.AsSpan(start));
            _frameStarts[_count + 1] = end;
        }
        return _count++;
    }

    /// <summary>The frame of packet <paramref name="index"/>; empty unless frames are kept.</summary>
    public ReadOnlySpan<byte> Frame(int index) =>
        _frameStarts is null ? default : _frames.AsSpan(_frameStarts[index], _frameStarts[index + 1] - _frameStarts[index]);

    public void Clear() => _count = 0;
}
