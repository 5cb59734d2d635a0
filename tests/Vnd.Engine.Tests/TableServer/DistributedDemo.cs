using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using Vnd.Engine.Cli;
using Vnd.Engine.Control.Demo;
using Vnd.Engine.Tests.Serve;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// The demo cloud served two ways over the wire. Embedded: <c>vnd serve</c>'s default, in-process table servers
/// per hypervisor. Distributed: three <c>vnd table-server</c> processes — s1 holds tenant1's <c>a</c> (link A),
/// s2 <c>b</c> and <c>c</c> (links B and C), s3 the offline imports and tenant2's tables — and a
/// <c>vnd serve --table-servers … --token …</c> process as the control server. With registration
/// (<see cref="RegisteredDemo"/>) the control server starts first with <c>--registration</c> and no list, and the
/// table servers join it with <c>--register</c>.
/// </summary>
public class DistributedDemo : IAsyncLifetime
{
    public const string Token = "serve-dist-token";

    /// <summary>The distributed control server's admin role; its password is its name, like the tenants' (<see cref="ConnectionString"/>).</summary>
    public const string AdminUser = "vnd";
    private readonly bool _registration;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vnd-servedist-" + Guid.NewGuid().ToString("N"));
    private readonly Process?[] _servers = new Process?[3];
    private Process? _control;
    private RunningServer _embedded = null!;

    public string Control => Path.Combine(_root, "control");

    /// <summary>The table-server processes' listen addresses (host:port), s1…s3.</summary>
    public List<string> TableServers { get; } = [];

    /// <summary>The table-server processes and the control server process of the distributed run.</summary>
    public IEnumerable<Process> Processes => _servers.Append(_control).OfType<Process>();

    public int EmbeddedPort => _embedded.Port;

    public int DistributedPort { get; private set; }

    /// <summary>Where the table servers register (host:port), when they do.</summary>
    public string? Registration { get; private set; }

    public DistributedDemo()
        : this(registration: false)
    {
    }

    protected DistributedDemo(bool registration) => _registration = registration;

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(Control);
        DemoSeeder.Seed(Control);
        var holdings = new[]
        {
            new[] { ("tenant1", "a"), ("tenant2", "lb_in") },
            new[] { ("tenant1", "b"), ("tenant1", "c") },
            new[] { ("tenant1", DemoDiagnoses.OfflineTable), ("tenant2", DemoDiagnoses.OfflineTable), ("tenant2", "lb_out") },
        };
        // The control server of the distributed run has its own copy of the control state (one SQLite file per
        // process) and no trace table: it binds them from the table servers' answers.
        var remoteControl = Path.Combine(_root, "control-remote");
        DirectoryCopy.CopyFiles(Control, remoteControl);
        if (_registration)
            DistributedPort = await StartRegistrationControl(remoteControl);
        for (var i = 0; i < holdings.Length; i++)
        {
            var data = Server(i);
            foreach (var (schema, table) in holdings[i])
                DirectoryCopy.Copy(TablePath(Control, schema, table), TablePath(data, schema, table));
            TableServers.Add((await StartTableServer(i, "127.0.0.1:0")).Authority);
        }
        if (!_registration)
            DistributedPort = await StartControl(remoteControl);
        _embedded = await RunningServer.StartAsync(new ServeOptions(new DirectoryInfo(Control), new IPEndPoint(IPAddress.Loopback, 0), null,
            NoTls: true, "vnd", null));
    }

    public async Task DisposeAsync()
    {
        await _embedded.DisposeAsync();
        foreach (var process in _servers.Append(_control))
        {
            if (process is not null)
                await VndProcess.Stop(process);
        }
        Directory.Delete(_root, recursive: true);
    }

    public string Server(int index) => Path.Combine(_root, "s" + (index + 1));

    /// <summary>Starts table server <paramref name="index"/> on <paramref name="listen"/>; returns its endpoint.</summary>
    private async Task<Uri> StartTableServer(int index, string listen)
    {
        string[] arguments = ["table-server", "--data", Server(index), "--listen", listen, "--token", Token];
        if (Registration is not null)
            arguments = [.. arguments, "--register", Registration, "--heartbeat-interval", "0.5"];
        (_servers[index], var line) = await VndProcess.Start("table server listening on ", arguments);
        return new Uri(line.Trim());
    }

    /// <summary>Kills table server <paramref name="index"/> as kill -9 would.</summary>
    public async Task Kill(int index)
    {
        var process = _servers[index]!;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Starts killed table server <paramref name="index"/> again on the same data, and the same address
    /// unless <paramref name="anyPort"/> (a registering server tells the control server where it now is).</summary>
    public async Task Restart(int index, bool anyPort = false)
    {
        _servers[index]!.Dispose();
        var endpoint = await StartTableServer(index, anyPort ? "127.0.0.1:0" : TableServers[index]);
        if (anyPort)
            TableServers[index] = endpoint.Authority;
        Assert.Equal(TableServers[index], endpoint.Authority);
    }

    /// <summary>A control server without a list of table servers: they register; a silence of 2 s marks one down.</summary>
    private async Task<int> StartRegistrationControl(string data)
    {
        (_control, var lines) = await VndProcess.Start(["vnd serve: table servers register at ", "vnd serve: listening on "],
            ["serve", "--data", data, "--listen", "127.0.0.1:0", "--unix-socket-dir", "", "--no-tls", "--no-demo", "--admin-password", AdminUser, "--registration", "127.0.0.1:0", "--heartbeat-grace", "2", "--token", Token]);
        Registration = lines[0].Trim();
        return IPEndPoint.Parse(lines[1][..lines[1].IndexOf(' ', StringComparison.Ordinal)]).Port;
    }

    private async Task<int> StartControl(string data)
    {
        (_control, var line) = await VndProcess.Start("vnd serve: listening on ", "serve", "--data", data, "--listen", "127.0.0.1:0", "--unix-socket-dir", "", "--no-tls",
            "--no-demo", "--admin-password", AdminUser, "--table-servers", string.Join(",", TableServers), "--token", Token);
        return IPEndPoint.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)]).Port;
    }

    public static string ConnectionString(int port, string user) =>
        $"Host=127.0.0.1;Port={port};Username={user};Password={user};Database=vnd;SSL Mode=Disable;" +
        "Server Compatibility Mode=NoTypeLoading;Pooling=false;Timeout=10;Command Timeout=60";

    /// <summary>A query's rows over Npgsql, each as text joined by '|', in the order the server sent them.</summary>
    public static async Task<List<string>> Rows(int port, string user, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(port, user));
        await connection.OpenAsync();
        return await Rows(connection, sql, parameters);
    }

    /// <summary>A query's rows over an open connection, as <see cref="Rows(int, string, string, object[])"/> gives them.</summary>
    public static async Task<List<string>> Rows(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var c = 0; c < values.Length; c++)
                values[c] = Text(reader.IsDBNull(c) ? null : reader.GetValue(c));
            rows.Add(string.Join("|", values));
        }
        return rows;
    }

    /// <summary>Floating-point sums may add in another order on another plan: 12 significant digits are compared.</summary>
    private static string Text(object? value) => value switch
    {
        null => "NULL",
        double d => d.ToString("G12", CultureInfo.InvariantCulture),
        decimal m => ((double)m).ToString("G12", CultureInfo.InvariantCulture),
        Array array => "{" + string.Join(",", array.Cast<object?>().Select(Text)) + "}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Where a data directory keeps a trace table (the storage layout: tables/schema/table).</summary>
    private static string TablePath(string data, string schema, string table) => Path.Combine(data, "tables", schema, table);
}
