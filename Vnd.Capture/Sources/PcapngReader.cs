using Vnd.Planner.Types;

namespace Vnd.Capture.Sources;

/// <summary>
/// pcapng reader: sections of either byte order, per-section interfaces (link type, snaplen, if_tsresol,
/// if_tsoffset), Enhanced, Simple and obsolete Packet Blocks. Other blocks are skipped (custom and unknown
/// ones counted). A block whose length cannot be trusted ends reading at that block: guessing where the next
/// block starts would invent packets.
/// </summary>
internal sealed partial class PcapngReader : CaptureFileReader
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

    private readonly List<PcapngInterface> _interfaces = [];
    private readonly int _maxBlockSize;
    private readonly int _maxInterfaces;
    private bool _bigEndian;
    private TimeUnit _resolution = TimeUnit.Microsecond;

    public PcapngReader(CaptureInput input, CaptureReaderOptions options)
        : base(input)
    {
        _maxBlockSize = options.MaxBlockSize;
        _maxInterfaces = options.MaxInterfacesPerSection;
        if (PcapngSectionHeader.Validate(input, _maxBlockSize, out _bigEndian, out var length) is { } error)
            throw new CaptureFormatException(error.Error, error.Offset, error.Message);
        input.Advance(length);
        Diagnostics.BytesRead = length;
        // Read the interfaces described before the first packet so that Resolution is known up front.
        ReadBlock(out _, stopBeforePacket: true);
    }

    public override TimeUnit Resolution => _resolution;

    public override bool TryReadNext(out PacketRecord record) => ReadBlock(out record, stopBeforePacket: false);

    private bool ReadBlock(out PacketRecord record, bool stopBeforePacket)
    {
        var input = Input;
        while (!Finished)
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
            Diagnostics.BytesRead = offset + blockLength;
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
                Diagnostics.Add(ReaderErrorKind.CustomBlockSkipped);
                break;
            default:
                Diagnostics.Add(ReaderErrorKind.UnknownBlockSkipped);
                break;
        }
        return false;
    }

    /// <summary>A new section: new byte order, no interfaces yet. False when its header is bad (reading ends).</summary>
    private bool StartSection()
    {
        if (PcapngSectionHeader.Validate(Input, _maxBlockSize, out var bigEndian, out var length) is { } error)
        {
            if (error.Error == CaptureFormatError.TruncatedHeader)
                MarkTruncated(Input.Offset);
            else
                Abandon(ReaderErrorKind.BadSectionHeader, out _);
            return false;
        }
        _bigEndian = bigEndian;
        _interfaces.Clear();
        Input.Advance(length);
        Diagnostics.BytesRead = Input.Offset;
        return true;
    }

    /// <summary>Skips a non-packet block too big for the buffer (e.g. a huge name table) without holding it.</summary>
    private bool SkipLargeBlock(uint type, uint length)
    {
        var offset = Input.Offset;
        if (!Input.Skip(length - 4) || !Input.Ensure(4))
        {
            MarkTruncated(offset);
            return false;
        }
        var trailer = ByteOrder.U32(Input.Peek(4), _bigEndian);
        Input.Advance(4);
        if (trailer != length)
        {
            Diagnostics.Add(ReaderErrorKind.BadBlockLength);
            Diagnostics.AbandonedAtOffset = offset;
            Finished = true;
            return false;
        }
        NotAPacket(type, default, out _);
        Diagnostics.BytesRead = Input.Offset;
        return true;
    }
}
