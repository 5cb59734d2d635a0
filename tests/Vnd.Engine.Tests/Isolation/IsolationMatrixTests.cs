using System.Globalization;
using System.Text;
using Npgsql;
using Vnd.Engine.Tests.Serve;

namespace Vnd.Engine.Tests.Isolation;

/// <summary>
/// Tenant isolation tested as an attacker would (issue 5): tenant2 probes tenant1, which has a table of the same
/// name (<c>packets</c>) and one of its own (<c>frames</c>). See <see cref="IsolationProbes"/>.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class IsolationMatrixTests(ServeFixture fixture)
{
    private const string Attacker = "tenant2";

    // Real names and never-existing names of the same length, so error positions compare too.
    private static readonly (string Placeholder, string Real, string Missing)[] Names =
    [
        ("{S}", "tenant1", "tenant9"),
        ("{s}", "TENANT1", "TENANT9"),
        ("{T}", "frames", "nosuch"),
        ("{t}", "FRAMES", "NOSUCH"),
    ];

    public static TheoryData<string> SameAsMissing() => new(IsolationProbes.SameAsMissing);

    public static TheoryData<string> NoLeak() => new(IsolationProbes.NoLeak);

    [Fact]
    public void The_matrix_has_at_least_sixty_probes()
    {
        Assert.True(IsolationProbes.SameAsMissing.Length + IsolationProbes.NoLeak.Length >= 60);
    }

    [Theory]
    [MemberData(nameof(SameAsMissing))]
    public async Task Naming_another_tenants_object_is_indistinguishable_from_naming_nothing(string probe)
    {
        var real = Normalize(await OutcomeAsync(Substitute(probe, missing: false)), missing: false);
        var missing = Normalize(await OutcomeAsync(Substitute(probe, missing: true)), missing: true);
        Assert.Equal(missing, real);
        Assert.DoesNotContain("frames", real, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(NoLeak))]
    public async Task Enumerations_never_show_another_tenant_or_the_infrastructure(string probe)
    {
        var outcome = await OutcomeAsync(probe.Replace("{P}", "packets", StringComparison.Ordinal));
        foreach (var secret in new[] { "tenant1", "frames", "hv1", "hv2", "192.168.100.", "ts-hv", fixture.Data })
            Assert.DoesNotContain(secret, outcome, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_same_table_name_resolves_to_each_tenants_own_rows()
    {
        var own = Convert.ToInt64(fixture.Embedded(Attacker, "select count(*) from packets").Rows[0][0], CultureInfo.InvariantCulture);
        var other = Convert.ToInt64(fixture.Embedded("tenant1", "select count(*) from packets").Rows[0][0], CultureInfo.InvariantCulture);
        Assert.NotEqual(own, other);
        Assert.Equal($"{own}", await OutcomeAsync("SELECT count(*) FROM packets"));
        Assert.Equal($"{own}", await OutcomeAsync("SELECT count(*) FROM tenant2.packets"));
        Assert.Equal($"{own}", await OutcomeAsync("SET search_path = tenant1, tenant2; SELECT count(*) FROM packets"));
    }

    private static string Substitute(string probe, bool missing)
    {
        var sql = probe.Replace("{P}", "packets", StringComparison.Ordinal);
        foreach (var (placeholder, real, absent) in Names)
            sql = sql.Replace(placeholder, missing ? absent : real, StringComparison.Ordinal);
        return sql;
    }

    private static string Normalize(string outcome, bool missing)
    {
        foreach (var (placeholder, real, absent) in Names)
            outcome = outcome.Replace(missing ? absent : real, placeholder, StringComparison.Ordinal);
        return outcome;
    }

    /// <summary>Rows of every result as text, or the error's SQLSTATE, message, detail, hint and position;
    /// a fresh session each time, so that search_path and temporary objects do not carry over.</summary>
    private async Task<string> OutcomeAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString(Attacker));
        await connection.OpenAsync();
        var text = new StringBuilder();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    for (var c = 0; c < reader.FieldCount; c++)
                        text.Append(c == 0 ? "" : "|").Append(reader.IsDBNull(c) ? "NULL" : Convert.ToString(reader.GetValue(c), CultureInfo.InvariantCulture));
                    text.Append('\n');
                }
            }
            while (await reader.NextResultAsync());
        }
        catch (PostgresException e)
        {
            text.Append(CultureInfo.InvariantCulture, $"ERROR {e.SqlState}: {e.MessageText} | {e.Detail} | {e.Hint} | {e.Position}");
        }
        return text.ToString().TrimEnd('\n');
    }
}
