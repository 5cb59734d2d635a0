using System.Data;
using Npgsql;
using Npgsql.Schema;

namespace Vnd.Engine.Tests.Serve;

/// <summary>Npgsql's ExecuteReader(CommandBehavior.KeyInfo) and GetSchemaTable over a trace table, which has no key.</summary>
[Collection(ServeCollection.Name)]
public sealed class NpgsqlKeyInfoTests(ServeFixture fixture)
{
    [Fact]
    public async Task Key_info_reads_rows_and_reports_columns_without_keys()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select ts, src_ip, seq from packets order by ts, seq limit 3", connection);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.KeyInfo);
        var schema = await reader.GetColumnSchemaAsync();
        Assert.Equal(["ts", "src_ip", "seq"], schema.Select(c => c.ColumnName));
        Assert.Equal(["timestamp with time zone", "inet", "bigint"], schema.Select(c => c.DataTypeName));
        Assert.All(schema, c => Assert.False(c.IsKey ?? false));
        Assert.All(schema, c => Assert.False(c.IsUnique ?? false));
        var table = await reader.GetSchemaTableAsync();
        Assert.NotNull(table);
        Assert.Equal(3, table.Rows.Count);
        var rows = 0;
        while (await reader.ReadAsync())
            rows++;
        Assert.Equal(3, rows);
    }

    [Fact]
    public async Task Result_columns_read_unchanged_from_a_table_name_it_as_PostgreSQL_does()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using var oidCommand = new NpgsqlCommand("select 'packets'::regclass::oid", connection);
        var oid = (uint)(await oidCommand.ExecuteScalarAsync())!;
        // A renamed column, one through a grouping key and a derived table, and computed ones (no origin).
        await using var command = new NpgsqlCommand(
            "select d.s as source, d.seq, d.n, d.seq + 1 as next from (select src_ip as s, seq, count(*) as n from packets group by src_ip, seq) d limit 1",
            connection);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.KeyInfo);
        var schema = (await reader.GetColumnSchemaAsync()).Cast<NpgsqlDbColumn>().ToList();
        Assert.Equal([oid, oid, 0u, 0u], schema.Select(c => c.TableOID));
        Assert.Equal([(short)2, (short)7, (short)0, (short)0], schema.Select(c => c.ColumnAttributeNumber ?? 0));
        Assert.Equal(["packets", "packets", null, null], schema.Select(c => c.BaseTableName));
        Assert.Equal(["src_ip", "seq", null, null], schema.Select(c => c.BaseColumnName));
        Assert.Equal(["tenant1", "tenant1", null, null], schema.Select(c => c.BaseSchemaName));
    }
}
