using Vnd.Wire.Errors;

namespace Vnd.Wire.Protocol.Frontend;

/// <summary>Parse ('P'): statement name, query text, parameter type OIDs (0 = let the server infer).</summary>
public readonly struct ParseMessage
{
    private ParseMessage(string statement, string query, uint[] parameterTypes)
    {
        Statement = statement;
        Query = query;
        ParameterTypes = parameterTypes;
    }

    public string Statement { get; }

    public string Query { get; }

    public uint[] ParameterTypes { get; }

    public static ParseMessage Read(in FrontendMessage message)
    {
        var body = new BodyReader(message.Body);
        var name = body.ReadCString();
        var query = body.ReadCString();
        var count = body.ReadInt16();
        if (count < 0 || count * 4L > body.Remaining)
        {
            throw new PgProtocolException("invalid number of parameter types in Parse message");
        }

        var types = count == 0 ? [] : new uint[count];
        for (var i = 0; i < count; i++)
        {
            types[i] = (uint)body.ReadInt32();
        }

        body.ExpectEnd();
        return new ParseMessage(name, query, types);
    }
}
