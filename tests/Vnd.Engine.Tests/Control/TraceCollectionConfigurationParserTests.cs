using System.Net;
using Vnd.Capture.ParseConfigs;
using Vnd.Engine.Control.Configs;

namespace Vnd.Engine.Tests.Control;

public sealed class TraceCollectionConfigurationParserTests
{
    private static FlowMatch Match(string field, FilterValue value) => new(new FieldReference(field), value);

    private static AddressValue Address(string text) => new(IPAddress.Parse(text), 32);

    [Fact]
    public void Figure5DescribesNodeLbWithTwoCapturePointsAndTwoWebFlows()
    {
        var configuration = TraceCollectionConfigurationParser.Parse(PaperFigure5.Example);

        var expected = new ApplianceSpec(
            ApplianceKind.Node,
            "lb",
            new ValueList<CapturePointSpec>([new("input"), new("output")]),
            new ValueList<FlowPattern>(
            [
                new(new ValueList<FlowMatch>([Match("ip.src", Address("10.0.0.6")), Match("ip.dst", Address("10.0.0.8")), Match("tcp.dst", new IntegerValue(80))])),
                new(new ValueList<FlowMatch>([Match("ip.src", Address("10.0.0.8")), Match("ip.dst", Address("10.0.0.6")), Match("tcp.src", new IntegerValue(80))])),
            ]));
        Assert.Equal(new TraceCollectionConfiguration(new ValueList<ApplianceSpec>([expected])), configuration);
        var lb = configuration.Appliances[0];
        Assert.Equal((new SourcePosition(1, 1), new SourcePosition(9, 15)), (lb.Position, lb.CapturePoints[1].Position));
        Assert.Equal(new SourcePosition(6, 1), lb.FlowPatterns[1].Position);
    }

    [Fact]
    public void Figure4FormatWithALinkAndANode()
    {
        const string text = """
            # Fig. 4: a link captured at both ends, then a node
            Virtual Appliance Link : l1
            Capture Point node1
            Flow Pattern ip.src = 10.0.0.0/24, ip.proto = tcp
            Capture Point node2
            appliance type NODE: n1
            capture point: Input, OUTPUT
            """;

        var appliances = TraceCollectionConfigurationParser.Parse(text).Appliances;

        Assert.Equal((ApplianceKind.Link, "l1"), (appliances[0].Kind, appliances[0].Name));
        Assert.Equal([new CapturePointSpec("node1"), new CapturePointSpec("node2")], appliances[0].CapturePoints);
        Assert.Equal(
            [Match("ip.src", new AddressValue(IPAddress.Parse("10.0.0.0"), 24)), Match("ip.proto", new IntegerValue(6))],
            Assert.Single(appliances[0].FlowPatterns).Matches);
        Assert.Equal((ApplianceKind.Node, "n1"), (appliances[1].Kind, appliances[1].Name));
        Assert.Equal([new CapturePointSpec("input"), new CapturePointSpec("output")], appliances[1].CapturePoints);
        Assert.Empty(appliances[1].FlowPatterns);
    }

    public static TheoryData<string, int, int, ConfigErrorKind, string> BadConfigurations() => new()
    {
        { "", 1, 1, ConfigErrorKind.Syntax, "expected Virtual Appliance or Appliance Type, found end of input" },
        { "Appliance Type Router : r1\nCapture Point input", 1, 16, ConfigErrorKind.Syntax, "expected Link or Node, found 'R'" },
        { "Appliance Type Node :\nCapture Point input", 2, 1, ConfigErrorKind.Syntax, "expected appliance name, found the keyword 'Capture'" },
        { "Appliance Type Node : lb\nCapture Point\nFlow Pattern tcp.dst = 80", 3, 1, ConfigErrorKind.Syntax, "expected capture point, found the keyword 'Flow'" },
        { "Appliance Type Node : lb\nCapture Point", 2, 14, ConfigErrorKind.Syntax, "expected capture point, found end of input" },
        { "Appliance Type Node : lb\nCapture Point input\nFlow Pattern ip.src 10.0.0.6", 3, 21, ConfigErrorKind.Syntax, "expected '=', found '1'" },
        { "Appliance Type Node : lb\nCapture Point input\nFlow Pattern ip.src = 10.0.0.600", 3, 23, ConfigErrorKind.Syntax, "'10.0.0.600' is not a valid IPv4 or IPv6 address" },
        { "Appliance Type Node : lb\nCapture Point input\nFlow Pattern tcp.dst = 80,", 3, 27, ConfigErrorKind.Syntax, "expected field name, found end of input" },
        { "Appliance Type Node : lb\nCapture Point input, sideways", 2, 22, ConfigErrorKind.Naming, "a node is captured at input or output, not 'sideways'" },
        { "Appliance Type Node : lb\nCapture Point input\nCapture Point INPUT", 3, 15, ConfigErrorKind.Naming, "capture point input of Node lb is listed twice" },
        { "Virtual Appliance Link : l1\nCapture Point a, b, c", 2, 21, ConfigErrorKind.Naming, "link l1 has two ends; 'c' would be a third capture point" },
        { "Appliance Type Node : lb\nFlow Pattern tcp.dst = 80", 1, 1, ConfigErrorKind.Syntax, "Node lb has no Capture Point" },
        { "Appliance Type Node : lb\nCapture Point input\nAppliance Type Node : lb\nCapture Point output", 3, 1, ConfigErrorKind.Naming, "Node lb is already described at line 1, column 1" },
        { "Appliance Type Node : lb\nCapture Point input output", 2, 21, ConfigErrorKind.Syntax, "expected ',', Capture Point, Flow Pattern, an appliance or end of input, found 'o'" },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public void BadConfigurationIsRejectedAtItsPosition(string text, int line, int column, ConfigErrorKind kind, string message)
    {
        var error = Assert.Throws<TraceCollectionConfigurationException>(() => TraceCollectionConfigurationParser.Parse(text));

        Assert.Equal((line, column, kind), (error.Line, error.Column, error.Kind));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
