using Npgsql;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// The distributed demo with registration: <c>vnd serve --registration … --heartbeat-grace 2</c> knows no table
/// server up front, and the three <c>vnd table-server --register … --heartbeat-interval 0.5</c> processes join it.
/// Ready once a query over each server's tables runs.
/// </summary>
public sealed class RegisteredDemo() : DistributedDemo(registration: true)
{
    /// <summary>One table of each table server, s1…s3.</summary>
    public static readonly string[] OneTableEach = ["a", "b", "packets"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var table in OneTableEach)
            await Eventually(TimeSpan.FromSeconds(10), () => Rows(DistributedPort, "tenant1", $"select count(*) from {table}"));
    }

    /// <summary>Runs <paramref name="attempt"/> until it succeeds or <paramref name="within"/> has passed (then its last error escapes).</summary>
    public static async Task<T> Eventually<T>(TimeSpan within, Func<Task<T>> attempt)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (PostgresException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
