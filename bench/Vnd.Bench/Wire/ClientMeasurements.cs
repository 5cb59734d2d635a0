using System.Buffers;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Vnd.Bench.Wire;

/// <summary>The client-side measurements of <c>bench wire</c>; each runs the same client against either server.</summary>
public static partial class ClientMeasurements
{
    /// <summary>
    /// How <see cref="NpgsqlRead"/> reads each value; every variant reads every value of every row with a typed getter.
    /// </summary>
    /// <param name="Sequential">CommandBehavior.SequentialAccess (columns read in order, the row not kept) or Default</param>
    /// <param name="Nullable">one <c>GetFieldValue&lt;T?&gt;</c> per value instead of IsDBNull and the type's getter</param>
    /// <param name="NpgsqlInet">inet as <see cref="NpgsqlTypes.NpgsqlInet"/> (address and netmask) instead of <see cref="IPAddress"/></param>
    public readonly record struct ReadGetters(bool Sequential, bool Nullable, bool NpgsqlInet);

    /// <summary>Full table read with typed getters over the binary format, as a .NET diagnosis app would.</summary>
    public static (long Rows, TimeSpan Elapsed) NpgsqlRead(ServerTarget target, string user, string password, string table, ReadGetters getters)
    {
        using var connection = new NpgsqlConnection(target.ConnectionString(user, password));
        connection.Open();
        var watch = Stopwatch.StartNew();
        using var command = new NpgsqlCommand($"SELECT * FROM {table}", connection);
        using var reader = command.ExecuteReader(getters.Sequential ? CommandBehavior.SequentialAccess : CommandBehavior.Default);
        // The column kinds are resolved once, as a typed client would; a string switch per value would make the
        // client's own dispatch part of what is measured.
        var kinds = new ColumnKind[reader.FieldCount];
        for (var c = 0; c < kinds.Length; c++)
            kinds[c] = KindOf(reader.GetDataTypeName(c));
        var (rows, checksum) = getters.Nullable ? ReadNullable(reader, kinds, getters.NpgsqlInet) : ReadChecked(reader, kinds, getters.NpgsqlInet);
        GC.KeepAlive(checksum);
        return (rows, watch.Elapsed);
    }

    /// <summary>IsDBNull, then the column type's own getter.</summary>
    private static (long Rows, long Checksum) ReadChecked(NpgsqlDataReader reader, ColumnKind[] kinds, bool npgsqlInet)
    {
        long rows = 0, checksum = 0;
        while (reader.Read())
        {
            for (var c = 0; c < kinds.Length; c++)
            {
                if (reader.IsDBNull(c))
                    continue;
                checksum += kinds[c] switch
                {
                    ColumnKind.Int64 => reader.GetInt64(c),
                    ColumnKind.Int32 => reader.GetInt32(c),
                    ColumnKind.Int16 => reader.GetInt16(c),
                    ColumnKind.Timestamp => reader.GetDateTime(c).Ticks & 0xFF,
                    ColumnKind.Inet => npgsqlInet ? reader.GetFieldValue<NpgsqlInet>(c).Netmask : Family(reader.GetFieldValue<IPAddress>(c)),
                    ColumnKind.Double => (long)reader.GetDouble(c),
                    ColumnKind.Boolean => reader.GetBoolean(c) ? 1 : 0,
                    _ => reader.GetFieldValue<string>(c).Length,
                };
            }
            rows++;
        }
        return (rows, checksum);
    }

    /// <summary>One nullable getter per value (<c>GetFieldValue&lt;long?&gt;</c>), which reads the null flag and the value in one call.</summary>
    private static (long Rows, long Checksum) ReadNullable(NpgsqlDataReader reader, ColumnKind[] kinds, bool npgsqlInet)
    {
        long rows = 0, checksum = 0;
        while (reader.Read())
        {
            for (var c = 0; c < kinds.Length; c++)
            {
                checksum += kinds[c] switch
                {
                    ColumnKind.Int64 => reader.GetFieldValue<long?>(c) ?? 0,
                    ColumnKind.Int32 => reader.GetFieldValue<int?>(c) ?? 0,
                    ColumnKind.Int16 => reader.GetFieldValue<short?>(c) ?? 0,
                    ColumnKind.Timestamp => (reader.GetFieldValue<DateTime?>(c)?.Ticks ?? 0) & 0xFF,
                    ColumnKind.Inet => npgsqlInet ? reader.GetFieldValue<NpgsqlInet?>(c)?.Netmask ?? 0 : Family(reader.GetFieldValue<IPAddress?>(c)),
                    ColumnKind.Double => (long)(reader.GetFieldValue<double?>(c) ?? 0),
                    ColumnKind.Boolean => reader.GetFieldValue<bool?>(c) == true ? 1 : 0,
                    _ => reader.GetFieldValue<string?>(c)?.Length ?? 0,
                };
            }
            rows++;
        }
        return (rows, checksum);
    }

    private static long Family(IPAddress? address) => address is null ? 0 : address.AddressFamily == AddressFamily.InterNetwork ? 1 : 2;

    private enum ColumnKind { Int64, Int32, Int16, Timestamp, Inet, Double, Boolean, Text }

    private static ColumnKind KindOf(string typeName) => typeName switch
    {
        "bigint" => ColumnKind.Int64,
        "integer" => ColumnKind.Int32,
        "smallint" => ColumnKind.Int16,
        "timestamp with time zone" or "timestamp without time zone" => ColumnKind.Timestamp,
        "inet" => ColumnKind.Inet,
        "double precision" => ColumnKind.Double,
        "boolean" => ColumnKind.Boolean,
        _ => ColumnKind.Text,
    };

    /// <summary>psql's <c>\copy (SELECT *) to stdout</c>: COPY TO in text format, counted line by line.</summary>
    public static (long Rows, TimeSpan Elapsed) PsqlCopy(ServerTarget target, string user, string password, string table)
    {
        var info = new ProcessStartInfo("psql", ["-X", "-q", "-h", target.Host, "-p", target.Port.ToString(CultureInfo.InvariantCulture),
            "-U", user, "-d", user, "-v", "ON_ERROR_STOP=1", "-c", $"\\copy (SELECT * FROM {table}) to stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PGPASSWORD"] = password;
        info.Environment["PGSSLMODE"] = "disable";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stream = process.StandardOutput.BaseStream;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        ArrayPool<byte>.Shared.Return(buffer);
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"psql against {target.Name} failed: {stderr.Result}");
        return (lines, watch.Elapsed);
    }

    /// <summary>A fresh connection (TCP, startup, SCRAM-SHA-256, ReadyForQuery) plus <c>SELECT 1</c>, n times.</summary>
    public static (double Median, double P95) ConnectLatency(ServerTarget target, string user, string password, int count)
    {
        var samples = new double[count];
        var connectionString = target.ConnectionString(user, password);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using (var connection = new NpgsqlConnection(connectionString))
            {
                connection.Open();
                using var command = new NpgsqlCommand("SELECT 1", connection);
                command.ExecuteScalar();
            }
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return (samples[count / 2], samples[(int)(count * 0.95)]);
    }

    /// <summary>pgbench (simple protocol) with a custom script of two statements over the trace table.</summary>
    public static (double Tps, long Failed) Pgbench(ServerTarget target, string user, string password, int clients, int seconds, string work)
    {
        var script = Path.Combine(work, "pgbench.sql");
        File.WriteAllText(script, "SELECT 1;\nSELECT ts, src_ip, dst_port FROM packets LIMIT 10;\n");
        var info = new ProcessStartInfo("pgbench", ["-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "-h", target.Host,
            "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", user, user])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PGPASSWORD"] = password;
        info.Environment["PGSSLMODE"] = "disable";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var tps = Tps().Match(output);
        var failed = Failed().Match(output);
        if (!tps.Success)
            throw new InvalidOperationException($"pgbench against {target.Name} printed no tps ({process.ExitCode}): {output}{stderr.Result}");
        var errors = stderr.Result.Split('\n').Count(l => l.Contains("error", StringComparison.OrdinalIgnoreCase));
        return (double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            (failed.Success ? long.Parse(failed.Groups[1].Value, CultureInfo.InvariantCulture) : 0) + errors);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"number of failed transactions: ([0-9]+)")]
    private static partial Regex Failed();
}
