using System.CommandLine;
using Vnd.Bench.Ingest;
using Vnd.Bench.Joins;

var root = new RootCommand("VND benchmarks: each runs VND beside its anchor on the same data and prints both figures")
{
    IngestBenchmark.Build(),
    JoinBenchmark.Build(),
};
return root.Parse(args).Invoke();
