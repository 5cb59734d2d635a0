using Vnd.Planner.Types;

namespace Vnd.Capture.Sources;

/// <summary>
/// A stream of captured packets: a capture file today, a live capture point later. Reading is pull-based and
/// allocation-free per record.
/// </summary>
public interface IRecordSource : IDisposable
{
    /// <summary>Frames the next packet. Returns false at the end of the data (clean or torn, see
    /// <see cref="Diagnostics"/>). Throws only for I/O errors of the underlying stream.</summary>
    bool TryReadNext(out PacketRecord record);

    /// <summary>Problems met so far.</summary>
    ReaderDiagnostics Diagnostics { get; }

    /// <summary>The finest timestamp resolution declared so far: <see cref="TimeUnit.Nanosecond"/> when the file
    /// has the nanosecond magic or an interface with if_tsresol finer than a microsecond. Known right after
    /// opening for the interfaces described before the first packet.</summary>
    TimeUnit Resolution { get; }
}
