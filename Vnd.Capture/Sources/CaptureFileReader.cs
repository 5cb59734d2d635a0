using System.Runtime.CompilerServices;
using Vnd.Planner.Types;

namespace Vnd.Capture.Sources;

/// <summary>
/// What the pcap and pcapng readers share: the chunk buffer, the diagnostics, and the two ways reading ends
/// early (a torn file, or a record that cannot be framed).
/// </summary>
internal abstract class CaptureFileReader : IRecordSource
{
    private protected CaptureFileReader(CaptureInput input) => Input = input;

    private protected CaptureInput Input { get; }

    private protected bool Finished { get; set; }

    public ReaderDiagnostics Diagnostics { get; } = new();

    public abstract TimeUnit Resolution { get; }

    public abstract bool TryReadNext(out PacketRecord record);

    /// <summary>No further record can be framed: a clean end when nothing is left, else a torn file whose last
    /// record starts at the current offset.</summary>
    private protected bool End(out PacketRecord record)
    {
        record = default;
        return End();
    }

    /// <summary>
    /// <see cref="End(out PacketRecord)"/> for a caller that clears its record itself: a record whose address is
    /// never taken stays in registers in the import loop that <see cref="PcapReader.TryReadNext"/> is inlined into.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected bool End()
    {
        if (!Finished && Input.Available > 0)
            MarkTruncated(Input.Offset);
        Finished = true;
        return false;
    }

    private protected void MarkTruncated(long offset)
    {
        Diagnostics.Add(ReaderErrorKind.TruncatedRecord);
        Diagnostics.TruncatedAtOffset = offset;
        Finished = true;
    }

    /// <summary>The record at the current offset has a length that cannot be trusted: stop rather than guess
    /// where the next record starts.</summary>
    private protected bool Abandon(ReaderErrorKind kind, out PacketRecord record)
    {
        record = default;
        return Abandon(kind);
    }

    /// <summary><see cref="Abandon(ReaderErrorKind, out PacketRecord)"/> for a caller that clears its record itself (see <see cref="End()"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected bool Abandon(ReaderErrorKind kind)
    {
        Diagnostics.Add(kind);
        Diagnostics.AbandonedAtOffset = Input.Offset;
        Finished = true;
        return false;
    }

    public void Dispose() => Input.Dispose();
}
