using Vnd.Planner.Types;

namespace Vnd.Capture.Sources;

/// <summary>
/// pcapng reader: sections of either byte order, per-section interfaces (link type, snaplen, if_tsresol,
/// if_tsoffset), Enhanced, Simple and obsolete Packet Blocks. Other blocks are skipped (custom and unknown
/// ones counted). A block whose length cannot be trusted ends reading at that block: guessing where the next
/// block starts would invent packets.
/// </summary>
internal sealed partial class PcapngReader : IRecordSource
{
    private const uint InterfaceDescriptionBlock = 1;
    private const uint ObsoletePacketBlock = 2;
    private const uint SimplePacketBlock = 3;
    private const uint NameResolutionBlock = 4;
    private const uint InterfaceStatisticsBlock = 5;
    private const uint EnhancedPacketBlock = 6;
    private const uint SystemdJournalExportBlock = 9;
    private const uint DecryptionSecretsBlock = 10;
    private const uint CustomBlock = 0x00000BAD;
    private const uint CustomBlockNoCopy = 0x40000BAD;
    private const int BlockHeaderLength = 8;
    private const int BlockFrameLength = 12;

    private readonly ChunkedInput _input;
    private readonly ReaderDiagnostics _diagnostics = new();
    private readonly List<PcapngInterface> _interfaces = [];
    private readonly int _maxBlockSize;
    private readonly int _maxInterfaces;
    private bool _bigEndian;
    private bool _finished;

    public PcapngReader(ChunkedInput input, CaptureReaderOptions options)
    {
        _input = input;
        _maxBlockSize = options.MaxBlockSize;
        _maxInterfaces = options.MaxInterfacesPerSection;
        if (PcapngSectionHeader.Validate(input, _maxBlockSize, out _bigEndian, out var length) is { } error)
            throw new CaptureFormatException(error.Error, error.Offset, error.Message);
        input.Advance(length);
        _diagnostics.BytesRead = length;
        // Read the interfaces described before the first packet so that Resolution is known up front.
        ReadBlock(out _, stopBeforePacket: true);
    }

    public ReaderDiagnostics Diagnostics => _diagnostics;

    public TimeUnit Resolution { get; private set; } = TimeUnit.Microsecond;

    public bool TryReadNext(out PacketRecord record) => ReadBlock(out record, stopBeforePacket: false);

    private bool ReadBlock(out PacketRecord record, bool stopBeforePacket)
    {
        var input = _input;
        while (!_finished)
        {
            if (!input.Ensure(BlockFrameLength))
                return End(out record);
            var offset = input.Offset;
            var type = ByteOrder.U32(input.Peek(4), _bigEndian);
            if (stopBeforePacket && (IsPacketBlock(type) || type == PcapngSectionHeader.BlockType))
                break;
            if (type == PcapngSectionHeader.BlockType)
            {
                if (!StartSection())
                    break;
                continue;
            }

            var length = ByteOrder.U32(input.Peek(4, 4), _bigEndian);
            if (length < BlockFrameLength || length % 4 != 0)
                return Abandon(ReaderErrorKind.BadBlockLength, out record);
            if (length > _maxBlockSize)
            {
                if (IsPacketBlock(type) || type == InterfaceDescriptionBlock)
                    return Abandon(IsPacketBlock(type) ? ReaderErrorKind.CaplenTooLarge : ReaderErrorKind.BadBlockLength, out record);
                if (!SkipLargeBlock(type, length))
                    break;
                continue;
            }
            var blockLength = (int)length;
            if (!input.Ensure(blockLength))
                return End(out record);
            var block = input.Peek(blockLength);
            if (ByteOrder.U32(block[(blockLength - 4)..], _bigEndian) != length)
                return Abandon(ReaderErrorKind.BadBlockLength, out record);

            var produced = type switch
            {
                EnhancedPacketBlock => TryEnhancedPacket(block, offset, out record),
                SimplePacketBlock => TrySimplePacket(block, offset, out record),
                ObsoletePacketBlock => TryObsoletePacket(block, offset, out record),
                _ => NotAPacket(type, block, out record),
            };
            input.Advance(blockLength);
            _diagnostics.BytesRead = offset + blockLength;
            if (produced)
                return true;
        }
        record = default;
        return false;
    }

    private static bool IsPacketBlock(uint type) =>
        type is EnhancedPacketBlock or SimplePacketBlock or ObsoletePacketBlock;

    private bool NotAPacket(uint type, ReadOnlySpan<byte> block, out PacketRecord record)
    {
        record = default;
        switch (type)
        {
            case InterfaceDescriptionBlock:
                AddInterface(block);
                break;
            case NameResolutionBlock or InterfaceStatisticsBlock or DecryptionSecretsBlock or SystemdJournalExportBlock:
                break;
            case CustomBlock or CustomBlockNoCopy:
                _diagnostics.Add(ReaderErrorKind.CustomBlockSkipped);
                break;
            default:
                _diagnostics.Add(ReaderErrorKind.UnknownBlockSkipped);
                break;
        }
        return false;
    }

    /// <summary>A new section: new byte order, no interfaces yet. False when its header is bad (reading ends).</summary>
    private bool StartSection()
    {
        if (PcapngSectionHeader.Validate(_input, _maxBlockSize, out var bigEndian, out var length) is { } error)
        {
            if (error.Error == CaptureFormatError.TruncatedHeader)
            {
                _diagnostics.Add(ReaderErrorKind.TruncatedRecord);
                _diagnostics.TruncatedAtOffset = _input.Offset;
            }
            else
            {
                _diagnostics.Add(ReaderErrorKind.BadSectionHeader);
                _diagnostics.AbandonedAtOffset = _input.Offset;
            }
            _finished = true;
            return false;
        }
        _bigEndian = bigEndian;
        _interfaces.Clear();
        _input.Advance(length);
        _diagnostics.BytesRead = _input.Offset;
        return true;
    }

    /// <summary>Skips a non-packet block too big for the buffer (e.g. a huge name table) without holding it.</summary>
    private bool SkipLargeBlock(uint type, uint length)
    {
        var offset = _input.Offset;
        if (!_input.Skip(length - 4) || !_input.Ensure(4))
        {
            _diagnostics.Add(ReaderErrorKind.TruncatedRecord);
            _diagnostics.TruncatedAtOffset = offset;
            _finished = true;
            return false;
        }
        var trailer = ByteOrder.U32(_input.Peek(4), _bigEndian);
        _input.Advance(4);
        if (trailer != length)
        {
            _diagnostics.Add(ReaderErrorKind.BadBlockLength);
            _diagnostics.AbandonedAtOffset = offset;
            _finished = true;
            return false;
        }
        NotAPacket(type, default, out _);
        _diagnostics.BytesRead = _input.Offset;
        return true;
    }

    private bool End(out PacketRecord record)
    {
        record = default;
        if (!_finished && _input.Available > 0)
        {
            _diagnostics.Add(ReaderErrorKind.TruncatedRecord);
            _diagnostics.TruncatedAtOffset = _input.Offset;
        }
        _finished = true;
        return false;
    }

    private bool Abandon(ReaderErrorKind kind, out PacketRecord record)
    {
        _diagnostics.Add(kind);
        _diagnostics.AbandonedAtOffset = _input.Offset;
        _finished = true;
        record = default;
        return false;
    }

    public void Dispose() => _input.Dispose();
}
