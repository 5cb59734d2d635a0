using System.CommandLine;
using Vnd.Bench.Distributed;
using Vnd.Bench.Ingest;
using Vnd.Bench.Joins;
using Vnd.Bench.Queries;
using Vnd.Bench.Wire;

var root = new RootCommand("VND benchmarks: each runs VND beside its anchor on the same data and prints both figures")
{
    DistributedBenchmark.Build(),
    IngestBenchmark.Build(),
    IngestProfile.Build(),
    JoinBenchmark.Build(),
    QueryBenchmark.Build(),
    WireBenchmark.Build(),
};
return root.Parse(args).Invoke();
