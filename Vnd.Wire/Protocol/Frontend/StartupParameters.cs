using Vnd.Wire.Errors;

namespace Vnd.Wire.Protocol.Frontend;

/// <summary>Name/value pairs of a StartupMessage (user, database, options, application_name, ...).</summary>
public static class StartupParameters
{
    public static Dictionary<string, string> Read(in StartupPacket packet)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = new BodyReader(packet.Payload);
        while (true)
        {
            var name = body.ReadCString();
            if (name.Length == 0)
            {
                break;
            }

            var value = body.ReadCString();
            result[name] = value;
        }

        if (body.Remaining != 0)
        {
            throw new PgProtocolException("invalid startup packet layout: expected terminator as last byte");
        }

        return result;
    }
}
