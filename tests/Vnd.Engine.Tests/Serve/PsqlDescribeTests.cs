using System.Text.RegularExpressions;
using Vnd.Engine.Tests.Clients;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// The real psql 15's describe commands against <c>vnd serve</c>, output as a user sees it: each command's
/// catalog queries (unnest of reloptions, publications, pg_index, pg_proc, pg_roles) must run, and the tenant's
/// trace table must show with its columns and PostgreSQL's type names.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class PsqlDescribeTests(ServeFixture fixture)
{
    /// <summary>tenant1's packets table (docs/examples/tcp-trace.cfg) as format_type names its columns.</summary>
    private static readonly (string Name, string Type)[] PacketColumns =
    [
        ("ts", "timestamp with time zone"), ("src_ip", "inet"), ("dst_ip", "inet"), ("src_port", "integer"), ("dst_port", "integer"),
        ("ip_id", "integer"), ("seq", "bigint"), ("ack", "bigint"), ("flags", "integer"), ("payload_length", "integer"), ("id", "bigint"),
    ];

    private string Run(string script)
    {
        var (code, output, errors) = PsqlClient.Script(fixture.Port, "tenant1", script);
        Assert.True(code == 0 && errors.Length == 0, $"psql exited {code}: {errors}\n{output}");
        return output;
    }

    private static void AssertColumns(string output, IEnumerable<(string Name, string Type)> columns)
    {
        foreach (var (name, type) in columns)
            Assert.Matches(new Regex($@"^ {Regex.Escape(name)} +\| {Regex.Escape(type)} *(\||$)", RegexOptions.Multiline), output);
    }

    [Fact]
    public void Describe_table_lists_columns_with_postgresql_types()
    {
        var output = Run("\\d packets\n");
        Assert.Contains("Table \"tenant1.packets\"", output, StringComparison.Ordinal);
        Assert.Matches(@"Column +\| +Type +\| Collation \| Nullable \| Default", output);
        AssertColumns(output, PacketColumns);
        Assert.Equal(PacketColumns.Length, Regex.Matches(output, @"^ \w+ +\| [a-z ]+ +\|", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Describe_plus_adds_storage_and_table_details()
    {
        var output = Run("\\d+ packets\n");
        Assert.Contains("Table \"tenant1.packets\"", output, StringComparison.Ordinal);
        Assert.Matches(@"\| Storage +\|", output);
        AssertColumns(output, PacketColumns);
        Assert.Contains("Access method:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void List_tables_plus_shows_the_tenants_trace_tables_only()
    {
        var output = Run("\\dt+\n");
        Assert.Contains("List of relations", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ tenant1 \| frames +\| table \|", output);
        Assert.Matches(@"(?m)^ tenant1 \| packets +\| table \|", output);
        Assert.DoesNotContain("tenant2", output, StringComparison.Ordinal);
        Assert.Contains("(2 rows)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void List_functions_and_roles_run()
    {
        var functions = Run("\\df\n");
        Assert.Contains("List of functions", functions, StringComparison.Ordinal);
        Assert.Matches(@"Schema \| +Name +\| Result data type \| Argument data types \| Type", functions);
        var roles = Run("\\du\n");
        Assert.Contains("List of roles", roles, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ tenant1 +\|", roles);
        Assert.DoesNotContain("tenant2", roles, StringComparison.Ordinal);
    }

    [Fact]
    public void Gdesc_describes_a_query_without_running_it()
    {
        var output = Run("select ts, src_ip, seq, payload_length * 2 as doubled from packets \\gdesc\n");
        AssertColumns(output, [("ts", "timestamp with time zone"), ("src_ip", "inet"), ("seq", "bigint"), ("doubled", "integer")]);
        Assert.Contains("(4 rows)", output, StringComparison.Ordinal);
    }
}
