using System.Net;
using Vnd.Capture.ParseConfigs;

namespace Vnd.Capture.Tests.ParseConfigs;

public sealed class ParseConfigurationParserTests
{
    private static FieldReference F(string name) => new(name);

    private static PredicateExpr Eq(string field, params FilterValue[] values) =>
        new(F(field), ComparisonOperator.In, new ValueList<FilterValue>(values));

    private static ColumnSpec Column(string name, params string[] fields)
    {
        var refs = new List<FieldReference>();
        foreach (var field in fields)
        {
            refs.Add(F(field));
        }

        return new ColumnSpec(name, new ValueList<FieldReference>(refs));
    }

    private static FilterExpr FilterOf(string filter) =>
        ParseConfigurationParser.Parse("Trace ID all Filter " + filter + " Fields ip.src").Rules[0].Filter!;

    [Fact]
    public void Figure7bParsesIntoOneRuleWithSixColumns()
    {
        var config = ParseConfigurationParser.Parse(PaperFigure7.Example);

        var expected = new ParseRule(
            null,
            "trace",
            true,
            new OrExpr(Eq("ip.proto", new IntegerValue(6)), Eq("ip.proto", new IntegerValue(17))),
            new ValueList<ColumnSpec>(
            [
                Column("ts", "timestamp"),
                Column("src_ip", "ip.src"),
                Column("dst_ip", "ip.dst"),
                Column("proto", "ip.proto"),
                Column("src_port", "tcp.src", "udp.src"),
                Column("dst_port", "tcp.dst", "udp.dst"),
            ]));
        Assert.Equal(new ParseConfiguration(new ValueList<ParseRule>([expected])), config);
    }

    [Fact]
    public void Figure7bKeepsSourcePositions()
    {
        var rule = ParseConfigurationParser.Parse(PaperFigure7.Example).Rules[0];
        var or = Assert.IsType<OrExpr>(rule.Filter);

        Assert.Equal(new SourcePosition(2, 1), rule.Position);
        Assert.Equal(new SourcePosition(2, 9), or.Left.Position);
        Assert.Equal(new SourcePosition(3, 4), or.Right.Position);
        Assert.Equal(new SourcePosition(4, 22), rule.Columns[0].Position);
        var srcPort = rule.Columns[4];
        Assert.Equal(new SourcePosition(8, 1), srcPort.Fields[0].Position);
        Assert.Equal(new SourcePosition(10, 1), srcPort.Fields[1].Position);
    }

    [Fact]
    public void SeveralTablesFromOneTraceAndSeveralTraces()
    {
        const string text = """
            # two tables from the load balancer's input trace
            TRACE ID lb-in
              table id Web
              filter tcp.dst in {80, 443}
              fields ip.src, tcp.src as Port
              Table ID dns
              Filter: udp.dst = 53
              Fields: ip.src
            -- any trace: every packet, no filter
            Trace ID all
              Fields timestamp
              Fields ip.dst  -- second rule without a table id
            """;

        var rules = ParseConfigurationParser.Parse(text).Rules;

        Assert.Equal(4, rules.Count);
        Assert.Equal(("lb-in", "web", false), (rules[0].TraceId, rules[0].TableId, rules[0].TableIdDerived));
        Assert.Equal([Column("ip_src", "ip.src"), Column("port", "tcp.src")], rules[0].Columns);
        Assert.Equal(("lb-in", "dns"), (rules[1].TraceId, rules[1].TableId));
        Assert.Equal(Eq("udp.dst", new IntegerValue(53)), rules[1].Filter);
        Assert.Equal((null, "trace", true, null), (rules[2].TraceId, rules[2].TableId, rules[2].TableIdDerived, rules[2].Filter));
        Assert.Equal("trace_2", rules[3].TableId);
        Assert.Equal(new SourcePosition(3, 12), rules[0].TableIdPosition);
    }

    [Fact]
    public void Figure7aLayoutWithoutColonsMakesOneTablePerTableId()
    {
        const string text = """
            Trace ID tr_id1
            Table ID tab_id1
            Filter ip.proto ∈ {6}
            Fields ip.src
            Table ID tab_id2
            Filter not (ip.proto ∈ {6})
            Fields ip.dst as d
            """;

        var rules = ParseConfigurationParser.Parse(text).Rules;

        var six = Eq("ip.proto", new IntegerValue(6));
        Assert.Equal(new ParseRule("tr_id1", "tab_id1", false, six, new ValueList<ColumnSpec>([Column("ip_src", "ip.src")])), rules[0]);
        Assert.Equal(new ParseRule("tr_id1", "tab_id2", false, new NotExpr(six), new ValueList<ColumnSpec>([Column("d", "ip.dst")])), rules[1]);
    }

    [Fact]
    public void DerivedTableIdIsTheTraceIdAsAnIdentifier()
    {
        var rules = ParseConfigurationParser.Parse("Trace ID lb.In-1 Fields ip.src Fields ip.dst Trace ID 7x Fields ip.src Trace ID all-in Fields ip.src").Rules;

        Assert.Equal(["lb_in_1", "lb_in_1_2", "t_7x", "all_in"], [rules[0].TableId, rules[1].TableId, rules[2].TableId, rules[3].TableId]);
        Assert.Equal("all-in", rules[3].TraceId);
    }

    [Fact]
    public void PrecedenceIsNotThenAndThenOr()
    {
        var a = new FieldPresentExpr(F("a"));
        var b = new FieldPresentExpr(F("b"));
        var c = new FieldPresentExpr(F("c"));

        Assert.Equal(new OrExpr(new AndExpr(a, b), c), FilterOf("a and b or c"));
        Assert.Equal(new OrExpr(a, new AndExpr(b, c)), FilterOf("a or b and c"));
        Assert.Equal(new AndExpr(new NotExpr(a), b), FilterOf("not a and b"));
        Assert.Equal(new NotExpr(new AndExpr(a, b)), FilterOf("not (a and b)"));
        Assert.Equal(new AndExpr(a, new OrExpr(b, c)), FilterOf("a AND (b OR c)"));
        Assert.Equal(new AndExpr(new AndExpr(a, b), c), FilterOf("a and b and c"));
        Assert.Equal(new NotExpr(new NotExpr(a)), FilterOf("not not a"));
    }

    [Fact]
    public void EqualityIgnoresLayout()
    {
        Assert.Equal(FilterOf("(a and b) or c"), FilterOf("a and b\n   or c # comment\n"));
        Assert.NotEqual(FilterOf("a and b"), FilterOf("a or b"));
    }

    [Fact]
    public void AllOperatorsParse()
    {
        var eighty = new IntegerValue(80);
        Assert.Equal(Eq("tcp.dst", eighty), FilterOf("tcp.dst ∈ {80}"));
        Assert.Equal(Eq("tcp.dst", eighty), FilterOf("tcp.dst == 80"));
        Assert.Equal(Eq("tcp.dst", eighty), FilterOf("tcp.dst IN 80"));
        Assert.Equal(Operators("!=", ComparisonOperator.NotIn), Operators("not in", ComparisonOperator.NotIn));
        Assert.Equal(ComparisonOperator.NotIn, Op("tcp.dst != 80"));
        Assert.Equal(ComparisonOperator.NotIn, Op("tcp.dst not in {80}"));
        Assert.Equal(ComparisonOperator.Less, Op("tcp.dst < 80"));
        Assert.Equal(ComparisonOperator.LessOrEqual, Op("tcp.dst <= 80"));
        Assert.Equal(ComparisonOperator.Greater, Op("tcp.dst>80"));
        Assert.Equal(ComparisonOperator.GreaterOrEqual, Op("tcp.dst >= 80"));
    }

    private static ComparisonOperator Op(string filter) => Assert.IsType<PredicateExpr>(FilterOf(filter)).Operator;

    private static ComparisonOperator Operators(string op, ComparisonOperator expected)
    {
        Assert.Equal(expected, Op("tcp.dst " + op + " 80"));
        return expected;
    }

    [Fact]
    public void EveryValueKindParses()
    {
        var values = Assert.IsType<PredicateExpr>(FilterOf(
            "x in {80, 0x0800, 8000-8080, 10.0.0.6, 10.0.0.0/24, fe80::1, 2001:db8::/32, 00:1B:21:3a:4f:5c, "
            + "\"a \\\"quoted\\\" string\", 'single', true, FALSE, tcp, udp, icmp, icmpv6, gre, sctp}")).Values;

        FilterValue[] expected =
        [
            new IntegerValue(80),
            new IntegerValue(0x800),
            new RangeValue(8000, 8080),
            new AddressValue(IPAddress.Parse("10.0.0.6"), 32),
            new AddressValue(IPAddress.Parse("10.0.0.0"), 24),
            new AddressValue(IPAddress.Parse("fe80::1"), 128),
            new AddressValue(IPAddress.Parse("2001:db8::"), 32),
            new MacValue(0x001B213A4F5C),
            new StringValue("a \"quoted\" string"),
            new StringValue("single"),
            new BoolValue(true),
            new BoolValue(false),
            new IntegerValue(6),
            new IntegerValue(17),
            new IntegerValue(1),
            new IntegerValue(58),
            new IntegerValue(47),
            new IntegerValue(132),
        ];
        Assert.Equal(expected, values);
    }

    [Fact]
    public void PortRangeAndPrefixAsSingleValues()
    {
        Assert.Equal(Eq("tcp.dst", new RangeValue(1000, 2000)), FilterOf("tcp.dst = 1000-2000"));
        Assert.Equal(Eq("ip.src", new AddressValue(IPAddress.Parse("10.0.0.0"), 24)), FilterOf("ip.src in 10.0.0.0/24"));
        Assert.True(((AddressValue)Assert.IsType<PredicateExpr>(FilterOf("ip.src in 10.0.0.0/24")).Values[0]).IsPrefix);
    }

    [Fact]
    public void OtherSpellingsOfValues()
    {
        var values = Assert.IsType<PredicateExpr>(FilterOf("x in {00-1b-21-3a-4f-5c, 0x10-0X20, ::ffff:10.0.0.1, 0.0.0.0/0, ::/0}")).Values;

        FilterValue[] expected =
        [
            new MacValue(0x001B213A4F5C),
            new RangeValue(16, 32),
            new AddressValue(IPAddress.Parse("::ffff:10.0.0.1"), 128),
            new AddressValue(IPAddress.Any, 0),
            new AddressValue(IPAddress.IPv6Any, 0),
        ];
        Assert.Equal(expected, values);
    }

    [Fact]
    public void ParenthesesUpToTheLimitParse()
    {
        const int depth = 64;
        var filter = FilterOf(new string('(', depth) + "tcp" + new string(')', depth));

        Assert.Equal(new FieldPresentExpr(F("tcp")), filter);
    }

    [Fact]
    public void BareFieldMeansPresent()
    {
        var rule = ParseConfigurationParser.Parse("Trace ID all\nFilter: tcp\nFields: tcp.src").Rules[0];

        Assert.Equal(new FieldPresentExpr(F("tcp")), rule.Filter);
    }

    [Fact]
    public void FieldWithoutAliasNamesItsColumnAfterTheField()
    {
        var columns = ParseConfigurationParser.Parse("Trace ID all Fields timestamp, IP.Src, eth.type as EtherType").Rules[0].Columns;

        Assert.Equal([Column("timestamp", "timestamp"), Column("ip_src", "ip.src"), Column("ethertype", "eth.type")], columns);
    }
}
