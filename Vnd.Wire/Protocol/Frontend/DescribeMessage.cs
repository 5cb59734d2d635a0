using Vnd.Wire.Errors;

namespace Vnd.Wire.Protocol.Frontend;

/// <summary>Describe ('D') and Close ('C') share a layout: 'S' (statement) or 'P' (portal), then a name.</summary>
public readonly struct DescribeMessage
{
    private DescribeMessage(bool isPortal, string name)
    {
        IsPortal = isPortal;
        Name = name;
    }

    public bool IsPortal { get; }

    public string Name { get; }

    public static DescribeMessage Read(in FrontendMessage message)
    {
        var body = new BodyReader(message.Body);
        var kind = body.ReadByte();
        var name = body.ReadCString();
        body.ExpectEnd();
        return kind switch
        {
            (byte)'S' => new DescribeMessage(false, name),
            (byte)'P' => new DescribeMessage(true, name),
            _ => throw new PgProtocolException($"invalid {(message.Code == FrontendMessageCode.Close ? "CLOSE" : "DESCRIBE")} message subtype {kind}"),
        };
    }
}
