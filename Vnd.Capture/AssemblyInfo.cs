using System.Runtime.CompilerServices;

// The tests compare the straight-line frame decoder with the general one; the bench times the importer's batch path.
[assembly: InternalsVisibleTo("Vnd.Capture.Tests")]
[assembly: InternalsVisibleTo("vnd-bench")]
