namespace Vnd.Engine.Tests.Serve;

/// <summary>All wire tests share one imported data directory and one running server.</summary>
[CollectionDefinition(Name)]
public sealed class ServeCollection : ICollectionFixture<ServeFixture>
{
    public const string Name = "vnd serve";
}
