namespace Vnd.Bench.Wire;

/// <summary>One server under measurement: a name for the report and its loopback port.</summary>
public sealed record ServerTarget(string Name, int Port)
{
    /// <summary>No pooling and no type loading, identical for both servers, so that each figure measures the
    /// server and not a client cache.</summary>
    public string ConnectionString(string user, string password, bool pooling = false) =>
        $"Host=127.0.0.1;Port={Port};Username={user};Password={password};Database={user};SSL Mode=Disable;" +
        $"Pooling={pooling};Server Compatibility Mode=NoTypeLoading;Timeout=60;Command Timeout=0";
}
