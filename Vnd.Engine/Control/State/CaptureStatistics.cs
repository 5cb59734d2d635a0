using Vnd.Capture.Decoding;
using Vnd.Capture.Import;
using Vnd.Capture.Sources;

namespace Vnd.Engine.Control.State;

/// <summary>
/// What the imports into one trace table counted (the metadata view's <c>packets_read</c>, <c>packets_dropped</c>
/// and <c>decode_errors</c>). A capture point's imports fill all its tables from the same packets, so its tables
/// share these numbers; how many of the packets a table kept is its row count.
/// </summary>
/// <param name="PacketsRead">Packets read from the capture files (before any table filter).</param>
/// <param name="PacketsDropped">
/// Records the files held that no table could receive: a record torn by the end of the file, one whose length
/// cannot be trusted (reading stops there), one naming an interface its section never described. Packets a table's
/// own filter rejected are not drops — the tenant asked for that: they are <c>packets_read - rows</c>.
/// </param>
/// <param name="DecodeErrors">
/// Header problems the decoder flagged, one per kind per packet (a TCP header both truncated and with a bad option
/// counts twice), as <c>vnd import</c> lists them — except <see cref="DecodeErrorKind.SnaplenCut"/>: a capture taken
/// with a snap length (headers only, as the demo's and most tcpdump -s captures) is not malformed.
/// </param>
public sealed record CaptureStatistics(long PacketsRead, long PacketsDropped, long DecodeErrors)
{
    /// <summary>Reader problems after which the record (and, for framing errors, the rest of the file) is lost.</summary>
    private static readonly ReaderErrorKind[] Lost =
    [
        ReaderErrorKind.TruncatedRecord, ReaderErrorKind.CaplenTooLarge, ReaderErrorKind.BadBlockLength,
        ReaderErrorKind.InterfaceIdOutOfRange, ReaderErrorKind.BadSectionHeader,
    ];

    /// <summary>The statistics of one import (all the inputs it read).</summary>
    public static CaptureStatistics Of(ImportSummary summary)
    {
        long dropped = 0, errors = 0;
        foreach (var kind in Lost)
        {
            if ((int)kind < summary.ReaderErrors.Count)
                dropped += summary.ReaderErrors[(int)kind];
        }
        for (var kind = 0; kind < summary.DecodeErrors.Count; kind++)
        {
            if (kind != (int)DecodeErrorKind.SnaplenCut)
                errors += summary.DecodeErrors[kind];
        }
        return new CaptureStatistics(summary.Packets, dropped, errors);
    }
}
