namespace Vnd.Capture.Sources;

/// <summary>
/// Validates a pcapng Section Header Block sitting at the front of the input: byte-order magic, block length,
/// version 1.0, options inside the block, trailer. The first section's problems refuse the file; a later
/// section's problems end reading (the caller decides).
/// </summary>
internal static class PcapngSectionHeader
{
    public const uint BlockType = 0x0A0D0D0A;
    public const int MinimumLength = 28;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const uint SwappedByteOrderMagic = 0x4D3C2B1A;

    /// <summary>Checks the section header; returns null when valid (with its byte order and length), else the
    /// error and a message.</summary>
    public static (CaptureFormatError Error, long Offset, string Message)? Validate(CaptureInput input, int maxBlockSize,
        out bool bigEndian, out int blockLength)
    {
        bigEndian = false;
        blockLength = 0;
        var start = input.Offset;
        if (!input.Ensure(12))
            return (CaptureFormatError.TruncatedHeader, start, "the section header block is cut short");
        var magic = ByteOrder.U32(input.Peek(8, 4), bigEndian: false);
        if (magic == SwappedByteOrderMagic)
            bigEndian = true;
        else if (magic != ByteOrderMagic)
            return (CaptureFormatError.BadByteOrderMagic, start + 8, $"byte-order magic 0x{magic:x8} is not 0x1a2b3c4d");

        var length = ByteOrder.U32(input.Peek(4, 4), bigEndian);
        if (length < MinimumLength || length % 4 != 0 || length > maxBlockSize)
            return (CaptureFormatError.BadBlockLength, start + 4, $"section header block length {length} is invalid");
        blockLength = (int)length;
        if (!input.Ensure(blockLength))
            return (CaptureFormatError.TruncatedHeader, start, "the section header block is cut short");

        var block = input.Peek(blockLength);
        var major = ByteOrder.U16(block[12..], bigEndian);
        var minor = ByteOrder.U16(block[14..], bigEndian);
        if (major != 1 || minor != 0)
            return (CaptureFormatError.UnsupportedVersion, start + 12, $"pcapng section version {major}.{minor} is not 1.0");
        if (!PcapngOptions.AllFit(block[24..(blockLength - 4)], bigEndian))
            return (CaptureFormatError.OptionTooLong, start + 24, "a section header option runs past the end of the block");
        if (ByteOrder.U32(block[(blockLength - 4)..], bigEndian) != length)
            return (CaptureFormatError.BadBlockLength, start + blockLength - 4,
                "section header block trailer length differs from its header");
        return null;
    }
}
