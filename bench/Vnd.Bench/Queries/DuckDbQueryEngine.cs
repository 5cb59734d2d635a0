using System.Diagnostics;
using DuckDB.NET.Data;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Bench.Queries;

/// <summary>
/// DuckDB in memory with <c>SET threads = 2</c>, holding the same rows as VND's trace tables (read from them and
/// written through DuckDB's appender). DuckDB has no inet type without its extension, so addresses are UINTEGER
/// (the value VND stores for an IPv4 inet) and the queries compare them with integer literals; timestamps are
/// TIMESTAMP (µs).
/// </summary>
public sealed class DuckDbQueryEngine : IQueryEngine
{
    private readonly DuckDBConnection _connection;

    public DuckDbQueryEngine(int threads)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute($"SET threads = {threads}");
    }

    public string Name => "DuckDB";

    public void Load(VndQueryEngine source, string table)
    {
        var clock = Stopwatch.StartNew();
        Execute($"CREATE TABLE {table} (ts TIMESTAMP, src_ip UINTEGER, dst_ip UINTEGER, proto SMALLINT, src_port INTEGER, " +
                "dst_port INTEGER, ip_id INTEGER, seq BIGINT, ack BIGINT, flags INTEGER, payload_length INTEGER, id BIGINT)");
        long rows = 0;
        using (var appender = _connection.CreateAppender(table))
        {
            source.Stream($"select ts, src_ip, dst_ip, proto, src_port, dst_port, ip_id, seq, ack, flags, payload_length, id from {table}", batch =>
            {
                foreach (var r in batch.Rows)
                {
                    var row = appender.CreateRow();
                    for (var c = 0; c < batch.ColumnCount; c++)
                        Append(row, batch[c], r);
                    row.EndRow();
                    rows++;
                }
            });
        }
        Console.WriteLine($"DuckDB: loaded {rows:N0} rows into {table} in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static void Append(IDuckDBAppenderRow row, Vector vector, int r)
    {
        if (vector.IsNull(r))
        {
            row.AppendNullValue();
            return;
        }
        switch (vector.PhysicalType)
        {
            case PhysicalType.Int16: row.AppendValue(vector.Get<short>(r)); break;
            case PhysicalType.Int32: row.AppendValue(vector.Get<int>(r)); break;
            case PhysicalType.Inet4: row.AppendValue(vector.Get<uint>(r)); break;
            case PhysicalType.Int64 when vector.Type.Id is TypeId.Timestamp or TypeId.TimestampTz:
                row.AppendValue(DateTime.UnixEpoch.AddTicks(TimeUnits.ToTicks(vector.Get<long>(r), vector.Type.Unit)));
                break;
            case PhysicalType.Int64: row.AppendValue(vector.Get<long>(r)); break;
            default: throw new InvalidOperationException($"no DuckDB column for {vector.Type.PgName}");
        }
    }

    public QueryOutcome Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DataReaderReadout.Read(reader);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
