namespace Vnd.Executor.Storage;

/// <summary>How a <see cref="SegmentReader"/> gets a segment's bytes.</summary>
public enum SegmentReadMode
{
    /// <summary>Read through a file stream into fresh buffers; batches outlive the reader.</summary>
    Streamed,

    /// <summary>
    /// Memory-map the file; arrays point into the mapping (no copy). Batches are valid only until the
    /// <see cref="SegmentReader"/> is disposed — use them before, never after.
    /// </summary>
    Mapped,
}
