using System.Buffers.Binary;
using System.Text;

namespace Vnd.Wire.Tests.Fixture;

/// <summary>A server message as received: tag and body, with decoders for the ones tests inspect.</summary>
public sealed record RawMessage(char Tag, byte[] Body)
{
    /// <summary>ErrorResponse/NoticeResponse fields by their type byte (S, V, C, M, D, H, P).</summary>
    public Dictionary<char, string> Fields()
    {
        var fields = new Dictionary<char, string>();
        var at = 0;
        while (at < Body.Length && Body[at] != 0)
        {
            var end = Array.IndexOf(Body, (byte)0, at + 1);
            fields[(char)Body[at]] = Encoding.UTF8.GetString(Body, at + 1, end - at - 1);
            at = end + 1;
        }

        return fields;
    }

    public string SqlState => Fields()['C'];

    /// <summary>DataRow values as text (null for SQL NULL).</summary>
    public string?[] Values()
    {
        var count = BinaryPrimitives.ReadInt16BigEndian(Body);
        var values = new string?[count];
        var at = 2;
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(Body.AsSpan(at));
            at += 4;
            if (length >= 0)
            {
                values[i] = Encoding.UTF8.GetString(Body, at, length);
                at += length;
            }
        }

        return values;
    }

    /// <summary>DataRow values as raw bytes (null for SQL NULL).</summary>
    public byte[]?[] RawValues()
    {
        var count = BinaryPrimitives.ReadInt16BigEndian(Body);
        var values = new byte[]?[count];
        var at = 2;
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(Body.AsSpan(at));
            at += 4;
            if (length >= 0)
            {
                values[i] = Body.AsSpan(at, length).ToArray();
                at += length;
            }
        }

        return values;
    }

    /// <summary>CommandComplete tag or another single C-string body.</summary>
    public string Text => Encoding.UTF8.GetString(Body, 0, Math.Max(0, Body.Length - 1));

    public override string ToString() => Tag.ToString();
}
