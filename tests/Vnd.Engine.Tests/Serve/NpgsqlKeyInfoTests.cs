using System.Data;
using Npgsql;

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
}
