using Npgsql;

namespace Vnd.Engine.Tests.Serve;

/// <summary>Temporary views (issue 5 §4): per session, gone with it, and the only views a tenant can create.</summary>
[Collection(ServeCollection.Name)]
public sealed class TempViewTests(ServeFixture fixture)
{
    [Fact]
    public async Task A_temporary_view_is_seen_by_its_session_only()
    {
        await using var owner = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await owner.OpenAsync();
        await using var other = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await other.OpenAsync();
        await new NpgsqlCommand("create temp view busy as select dst_port, count(*) as n from packets group by dst_port", owner).ExecuteNonQueryAsync();
        var total = Convert.ToInt64(await new NpgsqlCommand("select sum(n) from busy", owner).ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);   // sum(int8) is numeric
        Assert.Equal((long)(await new NpgsqlCommand("select count(*) from packets", owner).ExecuteScalarAsync())!, total);

        var unseen = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("select * from busy", other).ExecuteScalarAsync());
        Assert.Equal("42P01", unseen.SqlState);
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("create temp view busy as select 1", owner).ExecuteNonQueryAsync());
        Assert.Equal("42P07", duplicate.SqlState);
        var permanent = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("create view kept as select 1", owner).ExecuteNonQueryAsync());
        Assert.Equal("0A000", permanent.SqlState);

        await new NpgsqlCommand("drop view busy", owner).ExecuteNonQueryAsync();
        var dropped = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("select * from busy", owner).ExecuteScalarAsync());
        Assert.Equal("42P01", dropped.SqlState);
    }
}
