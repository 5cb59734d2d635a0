namespace Vnd.Capture.Sources;

/// <summary>What the reader had to do, or noticed, while framing one record. The packet is still delivered.</summary>
[Flags]
public enum RecordFlags : byte
{
    None = 0,

    /// <summary>The timestamp fraction was out of range (&gt;= 1e6 µs or &gt;= 1e9 ns) and was carried into the seconds.</summary>
    TimestampNormalized = 1,

    /// <summary>The captured length claimed more bytes than the record holds; <see cref="PacketRecord.Data"/> is what is there.</summary>
    CaplenClamped = 2,

    /// <summary>The captured length is larger than the snapshot length declared by the file or interface.</summary>
    CaplenExceedsSnaplen = 4,

    /// <summary>The captured length is larger than the original (wire) length.</summary>
    CaplenExceedsOriginal = 8,

    /// <summary>The record has no captured bytes at all.</summary>
    Empty = 16,

    /// <summary>The timestamp did not fit in signed 64-bit nanoseconds (after year 2262) and was saturated.</summary>
    TimestampOverflow = 32,

    /// <summary>The original length did not fit in an <see cref="int"/> and was saturated.</summary>
    OriginalLengthClamped = 64,
}
