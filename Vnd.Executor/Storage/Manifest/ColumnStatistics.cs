namespace Vnd.Executor.Storage.Manifest;

/// <summary>
/// Statistics of one column in one segment, for scans that skip segments. Bounds are typed by column:
/// integers, timestamps (in the column's unit), bool (0/1) and inet4 (host-order number) use
/// <see cref="MinInteger"/>/<see cref="MaxInteger"/>; float4/float8 use <see cref="MinReal"/>/<see cref="MaxReal"/>
/// (NaN ignored); inet (16 bytes) and macaddr use <see cref="MinBytes"/>/<see cref="MaxBytes"/> in unsigned
/// byte order. Text and bytea have no bounds. Bounds are null when every value is null.
/// </summary>
public sealed record ColumnStatistics
{
    public long NullCount { get; init; }

    /// <summary>Bytes of the column's Arrow buffers in this segment, before IPC padding.</summary>
    public long ByteSize { get; init; }

    public long? MinInteger { get; init; }
    public long? MaxInteger { get; init; }
    public double? MinReal { get; init; }
    public double? MaxReal { get; init; }
    public byte[]? MinBytes { get; init; }
    public byte[]? MaxBytes { get; init; }

    /// <summary>
    /// A <see cref="Sketches.HyperLogLog"/> of the segment's non-null values (<see cref="Sketches.HyperLogLogCodec"/>)
    /// as the segment writer hands it over; the manifest keeps only the table's union
    /// (<see cref="TableManifest.DistinctSketches"/>), so a stored segment has none, except in manifests written by
    /// the first version of sketches, which are still read.
    /// </summary>
    public byte[]? DistinctSketch { get; init; }
}
