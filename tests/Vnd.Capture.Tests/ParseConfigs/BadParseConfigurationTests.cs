using Vnd.Capture.ParseConfigs;

namespace Vnd.Capture.Tests.ParseConfigs;

/// <summary>Malformed configurations and the line, column, kind and message each must produce.</summary>
public sealed class BadParseConfigurationTests
{
    public static TheoryData<string, int, int, ConfigErrorKind, string> BadConfigurations() => new()
    {
        { "", 1, 1, ConfigErrorKind.Syntax, "expected Trace ID, found end of input" },
        { "Trace all\nFields: ip.src", 1, 7, ConfigErrorKind.Syntax, "expected Trace ID, found 'a'" },
        { "Trace ID all", 1, 13, ConfigErrorKind.Syntax, "expected Fields, found end of input" },
        { "Trace ID\nFields: ip.src", 2, 1, ConfigErrorKind.Syntax, "expected trace id or 'all', found the keyword 'Fields:'" },
        { "Trace ID", 1, 9, ConfigErrorKind.Syntax, "expected trace id or 'all', found end of input" },
        { "Trace ID all\nFilter: tcp\nFields: ", 3, 9, ConfigErrorKind.Syntax, "expected field name, found end of input" },
        { "Trace ID all\nFields: ip.src,", 2, 16, ConfigErrorKind.Syntax, "expected field name" },
        { "Trace ID all\nFields: ip.src ip.dst", 2, 16, ConfigErrorKind.Syntax, "expected ',', 'as', Table ID, Filter, Fields, Trace ID or end of input, found 'i'" },
        { "Trace ID all\nFields: ip.src\nTable ID x", 3, 11, ConfigErrorKind.Syntax, "expected Fields, found end of input" },
        { "Trace ID all\nTable ID\nFields: ip.src", 3, 1, ConfigErrorKind.Syntax, "expected table id, found the keyword 'Fields:'" },
        { "Trace ID all\nTable ID 2nd\nFields: ip.src", 2, 10, ConfigErrorKind.Syntax, "invalid table id: '2nd' must start with a letter or '_'" },
        { "Trace ID all\nFields: ip.src as 1abc", 2, 19, ConfigErrorKind.Syntax, "invalid column name: '1abc' must start with a letter or '_'" },
        { "Trace ID all\nFields: ip.src as select", 2, 19, ConfigErrorKind.Syntax, "invalid column name: 'select' is a reserved SQL word" },
        { "Trace ID all\n\tFields: ip.src as src-ip", 2, 20, ConfigErrorKind.Syntax, "invalid column name: 'src-ip' may contain only letters, digits and '_'" },
        { "Trace ID all Fields: " + new string('c', 64), 1, 22, ConfigErrorKind.Naming, "is longer than 63 characters; add 'as <name>'" },
        { "Trace ID all Fields: ip.src as " + new string('c', 64), 1, 32, ConfigErrorKind.Syntax, "is longer than 63 characters" },
        { "Trace ID all\nFields: order", 2, 9, ConfigErrorKind.Naming, "cannot name a column after field order: 'order' is a reserved SQL word; add 'as <name>'" },
        { "Trace ID all\nFields: ip.src as a, ip.src as a", 2, 22, ConfigErrorKind.Naming, "field ip.src already fills column a" },
        { "Trace ID all\nFilter: \nFields: ip.src", 3, 7, ConfigErrorKind.Syntax, "expected '(' or field name" },
        { "Trace ID all\nFilter: x = 1 or\nFields: ip.src", 3, 7, ConfigErrorKind.Syntax, "expected '(' or field name" },
        { "Trace ID all\nFilter: (x = 6\nFields: ip.src", 3, 1, ConfigErrorKind.Syntax, "expected ')', found 'F'" },
        { "Trace ID all\nFilter: x = 1)\nFields: ip.src", 2, 14, ConfigErrorKind.Syntax, "expected Fields, found ')'" },
        { "Trace ID all\nFilter: ip.proto = \nFields: ip.src", 3, 1, ConfigErrorKind.Syntax, "expected a value, found the keyword 'Fields:'" },
        { "Trace ID all\nFilter: x = {}\nFields: ip.src", 2, 14, ConfigErrorKind.Syntax, "expected value, found '}'" },
        { "Trace ID all\nFilter: x in {6, 17\nFields: ip.src", 3, 1, ConfigErrorKind.Syntax, "expected ',' or '}', found 'F'" },
        { "Trace ID all\nFilter: x < {6}\nFields: ip.src", 2, 13, ConfigErrorKind.Syntax, "expected single value (<, <=, >, >= take no value set), found '{'" },
        { "Trace ID all\nFilter: x = \"abc\nFields: ip.src", 2, 17, ConfigErrorKind.Syntax, "expected closing \", found end of line" },
        { "Trace ID all\nFilter: ip.src = 10.0.0.6/24\nFields: ip.src", 2, 18, ConfigErrorKind.Syntax, "'10.0.0.6/24' has bits set to the right of the /24 mask (did you mean 10.0.0.0/24?)" },
        { "Trace ID all\nFilter: ip.src = 10.0.0.0/33\nFields: ip.src", 2, 18, ConfigErrorKind.Syntax, "'10.0.0.0/33' has an invalid prefix length: expected 0 to 32" },
        { "Trace ID all\nFilter: ip.src = 10.0.0.300\nFields: ip.src", 2, 18, ConfigErrorKind.Syntax, "'10.0.0.300' is not a valid IPv4 or IPv6 address" },
        { "Trace ID all\nFilter: ip.src = 1.2\nFields: ip.src", 2, 18, ConfigErrorKind.Syntax, "'1.2' is not a valid IPv4 or IPv6 address" },
        { "Trace ID all\nFilter: tcp.dst = 90-80\nFields: ip.src", 2, 19, ConfigErrorKind.Syntax, "range '90-80' is empty: its low bound is greater than its high bound" },
        { "Trace ID all\nFilter: tcp.dst = 1-x\nFields: ip.src", 2, 19, ConfigErrorKind.Syntax, "'1-x' is not a valid range" },
        { "Trace ID all\nFilter: ip.proto = foo\nFields: ip.src", 2, 20, ConfigErrorKind.Syntax, "unknown value 'foo': expected a number, range, address, MAC address, quoted string, true/false or a protocol name such as tcp" },
        { "Trace ID all\nFilter: x = 99999999999999999999\nFields: ip.src", 2, 13, ConfigErrorKind.Syntax, "'99999999999999999999' is not a valid number" },
        { "Trace ID all\nFilter: x = 0xZZ\nFields: ip.src", 2, 13, ConfigErrorKind.Syntax, "'0xZZ' is not a valid number" },
        { "Trace ID all\nFilter " + new string('(', 10_000) + "x", 2, 72, ConfigErrorKind.Limit, "parentheses nested more than 64 deep" },
        { "Trace ID all Filter " + Repeat("not ", 10_000) + "x Fields a", 1, 1045, ConfigErrorKind.Limit, "filter expression nested more than 256 deep" },
        { "Trace ID all Filter x" + Repeat(" and x", 10_000) + " Fields a", 1, 21, ConfigErrorKind.Limit, "filter expression nested more than 256 deep" },
        { "Trace ID all Fields a # " + new string('x', ParseConfigurationParser.MaxLength), 1, 1, ConfigErrorKind.Limit, "the limit is 65536" },
    };

    private static string Repeat(string text, int count)
    {
        var builder = new System.Text.StringBuilder(text.Length * count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(text);
        }

        return builder.ToString();
    }

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public void BadConfigurationIsRejectedAtItsPosition(string text, int line, int column, ConfigErrorKind kind, string message)
    {
        var error = Assert.Throws<ParseConfigurationException>(() => ParseConfigurationParser.Parse(text));

        Assert.Equal((line, column, kind), (error.Line, error.Column, error.Kind));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}, column {column}: ", error.Message, StringComparison.Ordinal);
    }
}
