using Vnd.Capture.Decoding;
using Vnd.Executor.Execution;
using Vnd.Executor.Storage;

namespace Vnd.Capture.Import;

/// <summary>How an import runs: which trace the inputs belong to, decoder settings and storage batching.</summary>
public sealed record TraceImportOptions
{
    public static TraceImportOptions Default { get; } = new();

    /// <summary>The trace the inputs are; rules naming another trace id are skipped. Null: only rules for <c>all</c>
    /// traces and every rule whose trace id is given apply (a single-trace import).</summary>
    public string? TraceId { get; init; }

    public DecoderOptions Decoder { get; init; } = DecoderOptions.Default;

    public TraceTableWriterOptions Storage { get; init; } = TraceTableWriterOptions.Default;

    /// <summary>
    /// Whether tables whose columns are all read through slots are filled a row at a time from the live packet
    /// (the fast path) rather than a batch of packets at a time; off only to compare the two paths in tests.
    /// </summary>
    internal bool RowPath { get; init; } = true;

    /// <summary>
    /// Whether the row path stages common Ethernet/IPv4/TCP|UDP frames straight from their bytes, without decoding
    /// them (tables whose filter tests only which protocols a packet has); off only to compare in tests.
    /// </summary>
    internal bool CommonFramePath { get; init; } = true;

    /// <summary>
    /// Where the import's threads run: the calling thread is kept on <see cref="ImportThreadPlacement.Importing"/>
    /// while <see cref="TraceImporter.Import"/> runs (its own placement is restored after), and the tables' disk
    /// threads on <see cref="ImportThreadPlacement.Io"/> (unless <see cref="TraceTableWriterOptions.DiskThreadCpus"/>
    /// says otherwise). The capture's read-ahead thread is the caller's to place
    /// (<see cref="Sources.CaptureReaderOptions.ReadAheadThreadCpus"/>), as the caller opens the capture. Null, the
    /// default: the scheduler places every thread. For one import at a time on a machine of its own (the
    /// <c>vnd import</c> command); concurrent imports placed on the same CPU would share it.
    /// </summary>
    public ImportThreadPlacement? ThreadPlacement { get; init; }

    /// <summary>Packets between two progress reports.</summary>
    public int ProgressInterval { get; init; } = 1 << 20;
}
