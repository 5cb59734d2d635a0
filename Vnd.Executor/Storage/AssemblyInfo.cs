using System.Runtime.CompilerServices;

// The storage tests drive builders batch by batch (Reset) to measure the append path's allocations alone.
[assembly: InternalsVisibleTo("Vnd.Executor.Tests")]
// The ingest bench fills builders from memory the way the importer does, resetting them instead of writing segments.
[assembly: InternalsVisibleTo("vnd-bench")]

// The capture tests drive the importer's row path into builders (Reset) to show that staging rows allocates nothing.
[assembly: InternalsVisibleTo("Vnd.Capture.Tests")]
