namespace Vnd.Capture.Sources;

/// <summary>
/// What went wrong while reading one capture, as counts per <see cref="ReaderErrorKind"/>. Counting is an array
/// increment so that a reader can count on its per-packet path without allocating.
/// </summary>
public sealed class ReaderDiagnostics
{
    private static readonly int KindCount = Enum.GetValues<ReaderErrorKind>().Length;

    private readonly long[] _counts = new long[KindCount];

    /// <summary>How many times <paramref name="kind"/> happened.</summary>
    public long this[ReaderErrorKind kind] => _counts[(int)kind];

    /// <summary>All counts, indexed by <see cref="ReaderErrorKind"/> (no copy).</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>How many problems of any kind were counted.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var count in _counts)
                total += count;
            return total;
        }
    }

    /// <summary>Offset of the first byte of the record or block that the end of file cut short; null when the
    /// file ended cleanly on a record boundary. Every record before this offset was delivered.</summary>
    public long? TruncatedAtOffset { get; internal set; }

    /// <summary>Offset of a record or block that could not be framed (length field not trustworthy); reading
    /// stopped there instead of guessing where the next record starts. Null when that did not happen.</summary>
    public long? AbandonedAtOffset { get; internal set; }

    /// <summary>Bytes of the capture consumed so far (file header and every record delivered or skipped).</summary>
    public long BytesRead { get; internal set; }

    internal void Add(ReaderErrorKind kind) => _counts[(int)kind]++;

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>();
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] != 0)
                parts.Add($"{(ReaderErrorKind)i}={_counts[i]}");
        }
        if (TruncatedAtOffset is { } t)
            parts.Add($"truncated at {t}");
        if (AbandonedAtOffset is { } a)
            parts.Add($"abandoned at {a}");
        return parts.Count == 0 ? "no problems" : string.Join(", ", parts);
    }
}
