using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Planner.Types;

namespace Vnd.Capture.Tests.ParseConfigs;

public sealed class ParseConfigurationValidatorTests
{
    private static readonly CatalogOfTwelveFields Catalog = new();

    private static BoundParseConfiguration Bind(string text) =>
        ParseConfigurationValidator.Validate(ParseConfigurationParser.Parse(text), Catalog);

    private static ParseConfigurationException Reject(string text) =>
        Assert.Throws<ParseConfigurationException>(() => Bind(text));

    [Fact]
    public void Figure7bBindsToTheFiveTupleTable()
    {
        var table = Assert.Single(Bind(PaperFigure7.Example).Tables);

        Assert.Equal((null, "trace"), (table.TraceId, table.TableId));
        BoundColumn[] expected =
        [
            new("ts", SqlType.TimestampTzNanos, new ValueList<string>(["timestamp"])),
            new("src_ip", SqlType.Inet4, new ValueList<string>(["ip.src"])),
            new("dst_ip", SqlType.Inet4, new ValueList<string>(["ip.dst"])),
            new("proto", SqlType.Int2, new ValueList<string>(["ip.proto"])),
            new("src_port", SqlType.Int4, new ValueList<string>(["tcp.src", "udp.src"])),
            new("dst_port", SqlType.Int4, new ValueList<string>(["tcp.dst", "udp.dst"])),
        ];
        Assert.Equal(expected, table.Columns);
        Assert.NotNull(table.Filter);
    }

    [Fact]
    public void ColumnTypesUnify()
    {
        var columns = Bind("Trace ID all Fields ip.src as addr, ipv6.src as addr, ip.proto as n, frame.len as n, tcp.src as n").Tables[0].Columns;

        Assert.Equal(SqlType.Inet, columns[0].Type);
        Assert.Equal(SqlType.Int8, columns[1].Type);
        Assert.Equal(SqlType.Int4, ColumnTypes.Unify(SqlType.Int2, SqlType.Int4));
        Assert.Equal(SqlType.Inet, ColumnTypes.Unify(SqlType.Inet, SqlType.Inet4));
        Assert.Null(ColumnTypes.Unify(SqlType.Int4, SqlType.Text));
        Assert.Null(ColumnTypes.Unify(SqlType.Inet, SqlType.Cidr));
    }

    [Fact]
    public void FieldsAreRewrittenToCanonicalNames()
    {
        var table = Bind("Trace ID all Filter ipv6.addr = fe80::1 Fields ipv6.addr").Tables[0];

        Assert.Equal("ipv6.src", Assert.IsType<PredicateExpr>(table.Filter).Field.Name);
        Assert.Equal(["ipv6.src"], table.Columns[0].Fields);
    }

    [Fact]
    public void FittingValuesOfEveryKindAreAccepted()
    {
        const string text = """
            Trace ID all
            Filter tcp and tcp = true and ip.proto in {tcp, 17} and tcp.dst in {80, 8000-8080} and tcp.src >= 1024
               and ip.src in 10.0.0.0/24 and ip.dst != 10.0.0.8 and ipv6.src = 2001:db8::/32
               and eth.src = 00:1b:21:3a:4f:5c and http.host = "example.com" and frame.len < 0x600
            Fields ip.src
            """;

        Assert.Single(Bind(text).Tables);
    }

    public static TheoryData<string, int, int, ConfigErrorKind, string> Mismatches() => new()
    {
        { "Trace ID all\nFields ip.srcc", 2, 8, ConfigErrorKind.Type, "unknown field ip.srcc" },
        { "Trace ID all\nFilter: udp.len > 8\nFields ip.src", 2, 9, ConfigErrorKind.Type, "unknown field udp.len" },
        { "Trace ID all\nFilter: not bogus\nFields ip.src", 2, 13, ConfigErrorKind.Type, "unknown field bogus" },
        { "Trace ID all\nFilter tcp.dst in 10.0.0.0/24\nFields ip.src", 2, 19, ConfigErrorKind.Type, "an address prefix value cannot be compared with field tcp.dst of type integer" },
        { "Trace ID all\nFilter tcp.dst = \"http\"\nFields ip.src", 2, 18, ConfigErrorKind.Type, "a string value cannot be compared with field tcp.dst of type integer" },
        { "Trace ID all\nFilter ip.src = 80\nFields ip.src", 2, 17, ConfigErrorKind.Type, "an integer value cannot be compared with field ip.src of type inet (IPv4)" },
        { "Trace ID all\nFilter ip.src = fe80::1\nFields ip.src", 2, 17, ConfigErrorKind.Type, "an IPv6 address cannot match field ip.src of type inet (IPv4)" },
        { "Trace ID all\nFilter ip.src < 10.0.0.0/8\nFields ip.src", 2, 17, ConfigErrorKind.Type, "an address prefix cannot be used with <" },
        { "Trace ID all\nFilter tcp.dst > 1-2\nFields ip.src", 2, 18, ConfigErrorKind.Type, "a range cannot be used with >" },
        { "Trace ID all\nFilter ip.proto = 70000\nFields ip.src", 2, 19, ConfigErrorKind.Type, "integer value out of range for field ip.proto of type smallint" },
        { "Trace ID all\nFilter eth.src = 1\nFields ip.src", 2, 18, ConfigErrorKind.Type, "field eth.src of type macaddr" },
        { "Trace ID all\nFilter tcp = 1\nFields ip.src", 2, 14, ConfigErrorKind.Type, "an integer value cannot be compared with field tcp of type boolean" },
        { "Trace ID all\nFields tcp.src as p,\n  http.host as p", 3, 3, ConfigErrorKind.Type, "column p cannot hold both tcp.src (integer) and http.host (text)" },
        { "Trace ID all\nFields ip.src as a, eth.src as a", 2, 21, ConfigErrorKind.Type, "column a cannot hold both ip.src (inet (IPv4)) and eth.src (macaddr)" },
        { "Trace ID a\nTable ID t\nFields ip.src\nTrace ID b\nTable ID T\nFields ip.dst", 5, 10, ConfigErrorKind.Naming, "table id t is already used by the rule at line 2, column 10" },
        { "Trace ID all\nFields ip.src\nTrace ID all\nFields ip.dst", 4, 1, ConfigErrorKind.Naming, "table id trace is already used by the rule at line 2, column 1 (this rule has no Table ID, so its id was derived; add one)" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void MismatchIsReportedAtItsPosition(string text, int line, int column, ConfigErrorKind kind, string message)
    {
        var error = Reject(text);

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((line, column, kind), (diagnostic.Position.Line, diagnostic.Position.Column, diagnostic.Kind));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllProblemsAreReportedTogetherInOrder()
    {
        var error = Reject("Trace ID all\nFilter nope = 1 and tcp.dst = \"x\"\nFields nada, ip.src");

        Assert.Equal(
            ["line 2, column 8: unknown field nope", "line 2, column 31: a string value cannot be compared with field tcp.dst of type integer", "line 3, column 8: unknown field nada"],
            error.Diagnostics.Select(d => d.ToString()));
        Assert.Equal((2, 8), (error.Line, error.Column));
    }
}
