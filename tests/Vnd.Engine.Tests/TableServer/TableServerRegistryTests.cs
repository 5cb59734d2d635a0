using Vnd.Engine.TableServer.Registration;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>The registry's clock-driven rules: down after the grace, dropped (with a log line) after <c>--forget-after</c>.</summary>
public sealed class TableServerRegistryTests
{
    private static readonly Uri Server = new("http://127.0.0.1:7400/");

    [Fact]
    public void A_silent_server_stays_placed_while_down_and_is_forgotten_with_a_log_line_after_forget_after()
    {
        var clock = new ManualClock();
        var log = new StringWriter();
        var registry = new TableServerRegistry(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60), clock, new RegistrationLog(log));
        registry.Heartbeat(Server, "v1");

        clock.Advance(TimeSpan.FromSeconds(59));
        var down = Assert.Single(registry.Servers());
        Assert.False(down.Alive);
        Assert.Equal("v1", down.CatalogVersion);
        Assert.Equal("", log.ToString());

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(registry.Servers());
        Assert.Contains("table server 127.0.0.1:7400 forgotten: no heartbeat for 61 s", log.ToString(), StringComparison.Ordinal);

        Assert.True(registry.Heartbeat(Server, "v2"));
        Assert.Equal("v2", Assert.Single(registry.Servers()).CatalogVersion);
    }

    /// <summary>A clock the test moves by hand, so minutes of silence take no time.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
