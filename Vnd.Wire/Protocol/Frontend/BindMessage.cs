using System.Buffers;
using Vnd.Wire.Errors;
using Vnd.Wire.Types;

namespace Vnd.Wire.Protocol.Frontend;

/// <summary>
/// Bind ('B'): portal and statement names, parameter formats and values, result-column formats. The parameter
/// bytes are copied out of the input buffer into <see cref="PgParameters"/> because the portal outlives the message.
/// </summary>
public sealed class BindMessage
{
    private BindMessage(string portal, string statement, PgParameters parameters, short[] resultFormats)
    {
        Portal = portal;
        Statement = statement;
        Parameters = parameters;
        ResultFormats = resultFormats;
    }

    public string Portal { get; }

    public string Statement { get; }

    public PgParameters Parameters { get; }

    /// <summary>Zero entries = all text, one = applies to all columns, otherwise one per column.</summary>
    public short[] ResultFormats { get; }

    public static BindMessage Read(in FrontendMessage message)
    {
        var body = new BodyReader(message.Body);
        var portal = body.ReadCString();
        var statement = body.ReadCString();
        var formats = ReadFormats(ref body);
        var count = body.ReadInt16();
        if (count < 0 || count * 4L > body.Remaining)
        {
            throw new PgProtocolException("invalid number of parameters in Bind message");
        }

        if (formats.Length > 1 && formats.Length != count)
        {
            throw new PgProtocolException($"bind message has {formats.Length} parameter formats but {count} parameters");
        }

        // Every value byte is already in the message body, so its size bounds this copy.
        var data = new byte[body.Remaining];
        var offsets = new int[count];
        var lengths = new int[count];
        var written = 0;
        for (var i = 0; i < count; i++)
        {
            var length = body.ReadInt32();
            if (length < -1)
            {
                throw new PgProtocolException($"invalid length {length} of parameter ${i + 1}");
            }

            offsets[i] = written;
            lengths[i] = length;
            if (length > 0)
            {
                body.ReadBytes(length).CopyTo(data.AsSpan(written));
                written += length;
            }
        }

        var resultFormats = ReadFormats(ref body);
        body.ExpectEnd();
        var parameterFormats = new PgFormat[count];
        for (var i = 0; i < count; i++)
        {
            parameterFormats[i] = formats.Length == 0 ? PgFormat.Text : (PgFormat)formats[formats.Length == 1 ? 0 : i];
        }

        return new BindMessage(portal, statement, new PgParameters(data, offsets, lengths, parameterFormats), resultFormats);
    }

    private static short[] ReadFormats(ref BodyReader body)
    {
        var count = body.ReadInt16();
        if (count < 0 || count * 2L > body.Remaining)
        {
            throw new PgProtocolException("invalid number of format codes in Bind message");
        }

        var formats = count == 0 ? [] : new short[count];
        for (var i = 0; i < count; i++)
        {
            var format = body.ReadInt16();
            if (format is not (0 or 1))
            {
                throw new PgProtocolException($"unsupported format code: {format}");
            }

            formats[i] = format;
        }

        return formats;
    }
}
