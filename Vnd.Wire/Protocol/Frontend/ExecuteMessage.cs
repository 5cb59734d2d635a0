namespace Vnd.Wire.Protocol.Frontend;

/// <summary>Execute ('E'): portal name and a row limit (0 or negative = no limit).</summary>
public readonly struct ExecuteMessage
{
    private ExecuteMessage(string portal, int maxRows)
    {
        Portal = portal;
        MaxRows = maxRows;
    }

    public string Portal { get; }

    public int MaxRows { get; }

    public static ExecuteMessage Read(in FrontendMessage message)
    {
        var body = new BodyReader(message.Body);
        var portal = body.ReadCString();
        var maxRows = body.ReadInt32();
        body.ExpectEnd();
        return new ExecuteMessage(portal, maxRows);
    }
}
