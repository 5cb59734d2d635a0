namespace Vnd.Capture.Sources;

/// <summary>The capture file cannot be read at all: its header is not one we can trust.</summary>
public sealed class CaptureFormatException : Exception
{
    public CaptureFormatException(CaptureFormatError kind, long offset, string detail)
        : base($"not a readable capture file ({kind} at byte {offset}): {detail}")
    {
        Kind = kind;
        Offset = offset;
    }

    public CaptureFormatException()
        : this(CaptureFormatError.UnknownMagic, 0, "unknown format")
    {
    }

    public CaptureFormatException(string message)
        : base(message)
    {
    }

    public CaptureFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What is wrong with the header.</summary>
    public CaptureFormatError Kind { get; }

    /// <summary>Byte offset of the offending field.</summary>
    public long Offset { get; }
}
