using System.CommandLine;
using Vnd.Bench.Ingest;

var root = new RootCommand("VND benchmarks: each runs VND beside its anchor on the same data and prints both figures")
{
    IngestBenchmark.Build(),
    IngestProfile.Build(),
};
return root.Parse(args).Invoke();
