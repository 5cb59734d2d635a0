using System.Diagnostics;
using System.Net;
using Npgsql;
using NpgsqlTypes;
using Vnd.Bench.Wire;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Bench.Queries;

/// <summary>
/// PostgreSQL 15 in a throwaway cluster on loopback, holding the same rows as VND's trace tables (binary COPY,
/// then ANALYZE; no indexes, as neither VND nor DuckDB has any). Server settings: fsync off, shared_buffers 2 GB
/// so the tables stay in memory, work_mem 1 GB so NOT IN (subquery) can use a hashed subplan instead of
/// rescanning the subquery per row; parallel query keeps its defaults (2 workers per gather).
/// </summary>
public sealed class PostgresQueryEngine : IQueryEngine
{
    private const string Password = "bench";
    private readonly PostgresCluster _cluster;
    private readonly NpgsqlConnection _connection;

    public PostgresQueryEngine(string directory, int port)
    {
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        _cluster = PostgresCluster.Start(directory, port, Password, 5, "-c shared_buffers=2GB -c work_mem=1GB");
        _connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Password={Password};Database=postgres;" +
                                           "SSL Mode=Disable;Pooling=false;Timeout=60;Command Timeout=0");
        _connection.Open();
    }

    public string Name => "PostgreSQL";

    public void Load(VndQueryEngine source, string table)
    {
        var clock = Stopwatch.StartNew();
        Execute($"CREATE TABLE {table} (ts timestamptz, src_ip inet, dst_ip inet, proto int2, src_port int4, dst_port int4, " +
                "ip_id int4, seq int8, ack int8, flags int4, payload_length int4, id int8)");
        long rows = 0;
        using (var importer = _connection.BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)"))
        {
            source.Stream($"select ts, src_ip, dst_ip, proto, src_port, dst_port, ip_id, seq, ack, flags, payload_length, id from {table}", batch =>
            {
                foreach (var r in batch.Rows)
                {
                    importer.StartRow();
                    for (var c = 0; c < batch.ColumnCount; c++)
                        Write(importer, batch[c], r);
                    rows++;
                }
            });
            importer.Complete();
        }
        Execute($"VACUUM ANALYZE {table}");
        Console.WriteLine($"PostgreSQL: loaded {rows:N0} rows into {table} in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static void Write(NpgsqlBinaryImporter importer, Vector vector, int r)
    {
        if (vector.IsNull(r))
        {
            importer.WriteNull();
            return;
        }
        switch (vector.PhysicalType)
        {
            case PhysicalType.Int16: importer.Write(vector.Get<short>(r), NpgsqlDbType.Smallint); break;
            case PhysicalType.Int32: importer.Write(vector.Get<int>(r), NpgsqlDbType.Integer); break;
            case PhysicalType.Inet4:
                var address = vector.Get<uint>(r);
                importer.Write(new IPAddress([(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]), NpgsqlDbType.Inet);
                break;
            case PhysicalType.Int64 when vector.Type.Id is TypeId.Timestamp or TypeId.TimestampTz:
                importer.Write(DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(TimeUnits.ToTicks(vector.Get<long>(r), vector.Type.Unit)), DateTimeKind.Utc),
                    NpgsqlDbType.TimestampTz);
                break;
            case PhysicalType.Int64: importer.Write(vector.Get<long>(r), NpgsqlDbType.Bigint); break;
            default: throw new InvalidOperationException($"no PostgreSQL column for {vector.Type.PgName}");
        }
    }

    public QueryOutcome Run(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection);
        using var reader = command.ExecuteReader();
        return DataReaderReadout.Read(reader);
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _cluster.Dispose();
    }
}
