namespace Vnd.Capture.Sources;

/// <summary>Why a capture file was refused as a whole.</summary>
public enum CaptureFormatError
{
    /// <summary>The file is shorter than its own header.</summary>
    TruncatedHeader,

    /// <summary>Neither a pcap magic nor a pcapng section header.</summary>
    UnknownMagic,

    /// <summary>pcap major version other than 2 (1.x is the archaic format), or pcapng SHB version other than 1.0.</summary>
    UnsupportedVersion,

    /// <summary>Bits 16-25 of the pcap link-type word are reserved and set.</summary>
    ReservedLinkTypeBits,

    /// <summary>pcapng section header byte-order magic is neither 0x1A2B3C4D nor its byte swap.</summary>
    BadByteOrderMagic,

    /// <summary>pcapng section header block length invalid (too small, not a multiple of 4, too large, or trailer
    /// different from header).</summary>
    BadBlockLength,

    /// <summary>A pcapng section header option runs past the end of the block.</summary>
    OptionTooLong,
}
