using System.Runtime.CompilerServices;

// The storage tests drive builders batch by batch (Reset) to measure the append path's allocations alone.
[assembly: InternalsVisibleTo("Vnd.Executor.Tests")]
