namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// The EXPLAIN ANALYZE and join-strategy tests share one demo cloud (a control server and three table-server
/// processes): two started at once on a loaded machine made table servers slow to answer their listing.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AnalyzeCollection : ICollectionFixture<DistributedDemo>
{
    public const string Name = "distributed analyze";
}
