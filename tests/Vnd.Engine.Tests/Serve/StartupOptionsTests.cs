using Npgsql;
using Vnd.Engine.Tests.Clients;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// The startup parameter <c>options</c> applied to the session: PGOPTIONS as libpq (psql) sends it, with a
/// backslash-escaped space, and Npgsql's <c>Options=</c>. Explicit startup parameters win over it, as in PostgreSQL.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class StartupOptionsTests(ServeFixture fixture)
{
    [Fact]
    public void Psql_pgoptions_set_the_session_settings()
    {
        var environment = new Dictionary<string, string>
        {
            ["PGOPTIONS"] = @"-c statement_timeout=1234 --extra-float-digits=2 -c vnd.note=two\ words",
        };
        var (code, rows, errors) = PsqlClient.Run(fixture.Port, "tenant1",
            "show statement_timeout; show extra_float_digits; show vnd.note; show application_name", environment: environment);
        Assert.True(code == 0, errors);
        // psql sends application_name=psql itself; the options parameter does not override it.
        Assert.Equal(["1234ms", "2", "two words", "psql"], rows);
    }

    [Fact]
    public void Psql_pgoptions_search_path_resolves_names_for_the_admin()
    {
        var admin = new Dictionary<string, string> { ["PGPASSWORD"] = ServeFixture.AdminPassword };
        var (code, _, errors) = PsqlClient.Run(fixture.Port, "vnd", "select count(*) from packets", environment: admin);
        Assert.NotEqual(0, code);
        Assert.Contains("relation \"packets\" does not exist", errors, StringComparison.Ordinal);

        admin["PGOPTIONS"] = "-c search_path=tenant1";
        (code, var rows, errors) = PsqlClient.Run(fixture.Port, "vnd", "select count(*) from packets; show search_path", environment: admin);
        Assert.True(code == 0, errors);
        Assert.Equal(["1795", "tenant1"], rows);
    }

    [Fact]
    public void A_bad_switch_refuses_the_connection_like_postgresql()
    {
        var environment = new Dictionary<string, string> { ["PGOPTIONS"] = "-x 1" };
        var (code, _, errors) = PsqlClient.Run(fixture.Port, "tenant1", "select 1", environment: environment);
        Assert.NotEqual(0, code);
        Assert.Contains("invalid command-line argument for server process: -x", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Npgsql_options_apply_and_reset_returns_to_them()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1", extra: "Options=-c statement_timeout=2s -c TimeZone=Europe/Berlin"));
        await connection.OpenAsync();
        Assert.Equal("2s", await new NpgsqlCommand("show statement_timeout", connection).ExecuteScalarAsync());
        Assert.Equal("Europe/Berlin", connection.PostgresParameters["TimeZone"]);
        await new NpgsqlCommand("set statement_timeout = 0", connection).ExecuteNonQueryAsync();
        await new NpgsqlCommand("reset statement_timeout", connection).ExecuteNonQueryAsync();
        Assert.Equal("2s", await new NpgsqlCommand("show statement_timeout", connection).ExecuteScalarAsync());
    }
}
