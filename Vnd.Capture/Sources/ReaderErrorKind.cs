namespace Vnd.Capture.Sources;

/// <summary>
/// Problems a reader meets inside an otherwise readable capture. Each is counted in
/// <see cref="ReaderDiagnostics"/>; none of them throws.
/// </summary>
public enum ReaderErrorKind
{
    /// <summary>A record with captured length 0 (kept, flagged <see cref="RecordFlags.Empty"/>).</summary>
    CaplenZero,

    /// <summary>Captured length larger than the snaplen of the file or interface (kept, flagged).</summary>
    CaplenExceedsSnaplen,

    /// <summary>Captured length larger than the original length (kept, flagged).</summary>
    CaplenExceedsOriginal,

    /// <summary>Captured length above the maximum record size: the record cannot be framed, reading stops.</summary>
    CaplenTooLarge,

    /// <summary>pcapng captured length larger than the block body: clamped to the body.</summary>
    CaplenExceedsBlock,

    /// <summary>Timestamp fraction out of range: carried into the seconds (kept, flagged).</summary>
    InvalidTimestampFraction,

    /// <summary>Timestamp past what 64-bit nanoseconds can hold (year 2262): saturated.</summary>
    TimestampOverflow,

    /// <summary>Original length above <see cref="int.MaxValue"/>: saturated.</summary>
    OriginalLengthTooLarge,

    /// <summary>End of file inside a record or block: the file was torn. Reading ends.</summary>
    TruncatedRecord,

    /// <summary>pcapng block of a type we do not know, skipped.</summary>
    UnknownBlockSkipped,

    /// <summary>pcapng custom block (0x00000BAD / 0x40000BAD), skipped.</summary>
    CustomBlockSkipped,

    /// <summary>pcapng block total length invalid (not a multiple of 4, too small, too large for its type,
    /// or trailer different from header): the block cannot be framed, reading stops.</summary>
    BadBlockLength,

    /// <summary>pcapng packet block naming an interface the section did not describe: the packet is dropped.</summary>
    InterfaceIdOutOfRange,

    /// <summary>pcapng option whose length runs past its block: the remaining options are ignored.</summary>
    BadOption,

    /// <summary>A later pcapng section header is invalid (byte-order magic, version, options): reading stops.</summary>
    BadSectionHeader,

    /// <summary>More interfaces in one section than the reader keeps: the extra IDBs are ignored.</summary>
    TooManyInterfaces,
}
