using System.Diagnostics;
using System.Net;
using System.Text;
using Vnd.Wire.Auth;
using Vnd.Wire.Hosting;
using Vnd.Wire.Protocol;
using Vnd.Wire.Tests.Fixture;
using static Vnd.Wire.Tests.Fixture.RawClient;

namespace Vnd.Wire.Tests;

/// <summary>
/// In-process fuzzing: mutated client byte streams (fixed seeds) run through whole connections over in-memory
/// pipes. Every connection must end on its own with no exception escaping and no XX000 (internal error) reply.
/// </summary>
public sealed class ProtocolFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("VND_FUZZ_CASES"), out var n) ? n : 100_000;
    private static readonly IPEndPoint Loopback = new(IPAddress.Loopback, 40000);
    private static readonly int[] Interesting = [0, 1, 3, 4, 5, 8, 9, -1, int.MaxValue, int.MinValue, 10_000, 10_001, 65_536, StartupCode.SslRequest];

    /// <remarks>
    /// Several connections run at once (8 workers) so waits inside the pipes overlap. VND_FUZZ_CASES and
    /// VND_FUZZ_WORKERS override the defaults for longer local runs.
    /// </remarks>
    [Fact]
    public async Task Mutated_message_streams_never_crash_the_server()
    {
        var options = new PgServerOptions { AuthMethod = PgAuthMethod.Trust, MaxMessageLength = 1 << 20, MaxConnections = 1000 };
        await using var server = new PgServer(new FixtureHandler(), options);
        var seeds = Seeds();
        var budget = Stopwatch.StartNew();
        var workers = int.TryParse(Environment.GetEnvironmentVariable("VND_FUZZ_WORKERS"), out var w) ? w : 8;
        var done = new int[workers];
        var failures = new List<string>();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(7919 * (worker + 1));
            var connection = new InMemoryConnection(server, Loopback);
            for (var i = worker; i < Cases; i += workers)
            {
                var input = Mutate(seeds[random.Next(seeds.Length)], seeds, random);
                byte[] output;
                try
                {
                    // A connection that does not end by itself within 10 s (its input is complete) is a hang.
                    output = await connection.RunRawAsync(input, TimeSpan.FromSeconds(10));
                }
                catch (Exception e)
                {
                    lock (failures)
                    {
                        failures.Add($"case {i}: {e.GetType().Name}: {e.Message} input={Convert.ToHexString(input)}");
                    }

                    continue;
                }

                if (output.AsSpan().IndexOf("CXX000\0"u8) >= 0)
                {
                    lock (failures)
                    {
                        failures.Add($"case {i}: XX000 input={Convert.ToHexString(input)} output={Encoding.UTF8.GetString(output)}");
                    }
                }

                done[worker]++;
            }
        })));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
        Assert.True(server.InternalErrorCount == 0, server.LastInternalError?.ToString());
        Assert.Equal(Cases, done.Sum());
        // ~35 s for 100k cases on 2 shared cores under heavy load; the bound only catches pathological slowdowns.
        Assert.True(budget.Elapsed < TimeSpan.FromSeconds(120), $"fuzzing took {budget.Elapsed}");
    }

    private static byte[] Mutate(byte[] seed, byte[][] seeds, Random random)
    {
        var data = new List<byte>(seed);
        var steps = 1 + random.Next(4);
        for (var step = 0; step < steps && data.Count > 0; step++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(8))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data[at] = (byte)random.Next(256);
                    break;
                case 2:
                    data.InsertRange(at, Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(16)));
                    break;
                case 4:
                    var length = Math.Min(data.Count - at, 1 + random.Next(32));
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 5:
                    var value = Int32(Interesting[random.Next(Interesting.Length)]);
                    for (var i = 0; i < 4 && at + i < data.Count; i++)
                    {
                        data[at + i] = value[i];
                    }

                    break;
                case 6:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    var other = seeds[random.Next(seeds.Length)];
                    var from = random.Next(other.Length);
                    data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(64))).ToArray());
                    break;
            }
        }

        return [.. data];
    }

    private static byte[] Login(int code = 3 << 16) => Startup(code, ("user", "alice"), ("database", "vnd"), ("TimeZone", "UTC"));

    private static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static byte[] BinaryBind(string statement, params byte[]?[] values)
    {
        var parts = new List<byte[]> { CString(""), CString(statement), Int16(1), Int16(1), Int16((short)values.Length) };
        foreach (var value in values)
        {
            parts.Add(Int32(value?.Length ?? -1));
            parts.Add(value ?? []);
        }

        parts.Add(Int16(1));
        parts.Add(Int16(1));
        return Tagged('B', [.. parts]);
    }

    private static byte[][] Seeds() =>
    [
        Join(Login(), Query("select types"), Query("select specials; select series 3"), Tagged('X')),
        Join(Login(), Parse("", "select $1, $2, $3", 23, 25, 1700), Bind("", "", 1, "42", "text", "1.5"), Describe('P', ""), Execute("", 0), Sync(), Tagged('X')),
        Join(Login(), Parse("s1", "select series 4"), Describe('S', "s1"), Bind("p1", "s1", 0), Execute("p1", 1), Execute("p1", 0),
            Close('P', "p1"), Close('S', "s1"), Sync(), Tagged('H')),
        Join(Int32(8), Int32(StartupCode.SslRequest), Login(), Query("COPY (select 1) TO STDOUT (FORMAT BINARY)"), Query("copy sink from stdin"),
            Tagged('d', "a\n"u8.ToArray()), Tagged('c'), Query("select series 1")),
        Join(Login(), Query("begin"), Query("select error"), Query("select types"), Query("rollback"), Query(""), Query("-- ping")),
        Join(Login((3 << 16) | 5), Tagged('H'), Sync(), Query("select notice")),
        Join(Int32(16), Int32(StartupCode.CancelRequest), Int32(1001), Int32(42)),
        Join(Int32(8), Int32(StartupCode.GssEncRequest), Login(), Parse("", "select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10", 16, 21, 20, 701, 1700, 17, 1082, 1184, 1186, 869),
            BinaryBind("", [1], Int16(-7), [0, 0, 0, 0, 0, 0, 0, 9], BitConverter.GetBytes(2.5).Reverse().ToArray(),
                [0, 2, 0, 0, 0, 0, 0, 2, 0, 12, 13, 128], [0xde, 0xad], Int32(100), [0, 0, 0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 2],
                [2, 24, 0, 4, 10, 0, 0, 0]),
            Execute("", 0), Sync()),
        Join(Login(), Parse("", "select types"), Bind("", "", 1), Execute("", 0), Parse("", "select $1", 1184), Bind("", "", 0, "2024-01-02 03:04:05+00"),
            Execute("", 0), Sync(), Query("COPY (select 1) TO STDOUT WITH CSV")),
    ];
}
