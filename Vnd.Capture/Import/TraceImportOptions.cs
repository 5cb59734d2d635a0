using Vnd.Capture.Decoding;
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

    /// <summary>Packets between two progress reports.</summary>
    public int ProgressInterval { get; init; } = 1 << 20;
}
