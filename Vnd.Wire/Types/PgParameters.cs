using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Vnd.Wire.Errors;

namespace Vnd.Wire.Types;

/// <summary>
/// Parameter values of one Bind, copied out of the message (a portal outlives it). Typed getters decode text or
/// binary as the client sent it; a malformed value is a 22P02/22P03 error naming the parameter.
/// </summary>
public sealed class PgParameters
{
    private readonly byte[] _data;
    private readonly int[] _offsets;
    private readonly int[] _lengths;
    private readonly PgFormat[] _formats;

    public PgParameters(byte[] data, int[] offsets, int[] lengths, PgFormat[] formats)
    {
        _data = data;
        _offsets = offsets;
        _lengths = lengths;
        _formats = formats;
        Types = new uint[offsets.Length];
    }

    public static PgParameters Empty { get; } = new([], [], [], []);

    public int Count => _offsets.Length;

    /// <summary>Parameter types from Parse (0 where the client left them to the server); set on Bind.</summary>
    public uint[] Types { get; internal set; }

    public PgFormat Format(int index) => _formats[index];

    public bool IsNull(int index) => _lengths[index] < 0;

    /// <summary>The raw bytes of a parameter (empty for NULL).</summary>
    public ReadOnlySpan<byte> Raw(int index) =>
        _lengths[index] <= 0 ? [] : _data.AsSpan(_offsets[index], _lengths[index]);

    public string GetString(int index) => Encoding.UTF8.GetString(Raw(index));

    public bool GetBoolean(int index)
    {
        var raw = Raw(index);
        if (Format(index) == PgFormat.Binary)
        {
            return raw.Length == 1 ? raw[0] != 0 : throw Binary(index, "boolean");
        }

        return GetString(index).Trim().ToLowerInvariant() switch
        {
            "t" or "true" or "yes" or "y" or "on" or "1" => true,
            "f" or "false" or "no" or "n" or "off" or "0" => false,
            _ => throw Syntax(index, "boolean"),
        };
    }

    /// <summary>Any integer parameter (binary int2/int4/int8 by length) as int64.</summary>
    public long GetInt64(int index)
    {
        var raw = Raw(index);
        if (Format(index) == PgFormat.Binary)
        {
            return raw.Length switch
            {
                2 => BinaryPrimitives.ReadInt16BigEndian(raw),
                4 => BinaryPrimitives.ReadInt32BigEndian(raw),
                8 => BinaryPrimitives.ReadInt64BigEndian(raw),
                _ => throw Binary(index, "integer"),
            };
        }

        return long.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out var value) ? value : throw Syntax(index, IntegerTypeName(Types[index]));
    }

    public int GetInt32(int index)
    {
        var value = GetInt64(index);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new PgErrorException(SqlState.NumericValueOutOfRange, "value out of range for type integer");
    }

    /// <summary>float4/float8 (binary by length) or any text number, as double.</summary>
    public double GetDouble(int index)
    {
        var raw = Raw(index);
        if (Format(index) == PgFormat.Binary)
        {
            return raw.Length switch
            {
                4 => BinaryPrimitives.ReadSingleBigEndian(raw),
                8 => BinaryPrimitives.ReadDoubleBigEndian(raw),
                _ => throw Binary(index, "double precision"),
            };
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Syntax(index, "double precision");
    }

    public decimal GetDecimal(int index)
    {
        var raw = Raw(index);
        if (Format(index) == PgFormat.Binary)
        {
            return PgNumeric.ReadBinary(raw);
        }

        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Syntax(index, "numeric");
    }

    /// <summary>bytea: binary as is, text in hex form (<c>\x0a0b</c>).</summary>
    public byte[] GetBytes(int index)
    {
        var raw = Raw(index);
        if (Format(index) == PgFormat.Binary)
        {
            return raw.ToArray();
        }

        if (raw.Length < 2 || raw[0] != '\\' || raw[1] != 'x' || raw.Length % 2 != 0)
        {
            throw Syntax(index, "bytea");
        }

        try
        {
            return Convert.FromHexString(Encoding.ASCII.GetString(raw[2..]));
        }
        catch (FormatException)
        {
            throw Syntax(index, "bytea");
        }
    }

    /// <summary>timestamp/timestamptz as µs since 2000-01-01 (UTC for timestamptz).</summary>
    public long GetTimestampMicroseconds(int index)
    {
        var raw = Raw(index);
        if (Format(index) == PgFormat.Binary)
        {
            return raw.Length == 8 ? BinaryPrimitives.ReadInt64BigEndian(raw) : throw Binary(index, "timestamp");
        }

        var text = GetString(index);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? PgEpoch.ToMicroseconds(value.UtcDateTime)
            : throw Syntax(index, "timestamp with time zone");
    }

    /// <summary>A binary time: µs since midnight (time_send), 0 … 24:00:00.</summary>
    public long GetTimeMicroseconds(int index)
    {
        var raw = Raw(index);
        if (Format(index) != PgFormat.Binary)
        {
            throw Syntax(index, "time without time zone");
        }

        return raw.Length == 8 && BinaryPrimitives.ReadInt64BigEndian(raw) is >= 0 and <= 86_400_000_000L and var micros
            ? micros
            : throw Binary(index, "time");
    }

    public DateOnly GetDate(int index)
    {
        var raw = Raw(index);
        if (Format(index) == PgFormat.Binary)
        {
            return raw.Length == 4 && PgEpoch.TryToDate(BinaryPrimitives.ReadInt32BigEndian(raw), out var date)
                ? date
                : throw Binary(index, "date");
        }

        return DateOnly.TryParseExact(GetString(index), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Syntax(index, "date");
    }

    public PgInterval GetInterval(int index)
    {
        var raw = Raw(index);
        if (Format(index) == PgFormat.Binary)
        {
            return raw.Length == 16
                ? new PgInterval(BinaryPrimitives.ReadInt32BigEndian(raw[12..]), BinaryPrimitives.ReadInt32BigEndian(raw[8..]),
                    BinaryPrimitives.ReadInt64BigEndian(raw))
                : throw Binary(index, "interval");
        }

        return PgIntervalParser.TryParse(GetString(index), out var value) ? value : throw Syntax(index, "interval");
    }

    /// <summary>inet/cidr: the address and prefix length.</summary>
    public (IPAddress Address, int Prefix) GetInet(int index)
    {
        var raw = Raw(index);
        if (Format(index) == PgFormat.Binary)
        {
            if (raw.Length < 4 || raw[3] is not (4 or 16) || raw.Length != 4 + raw[3])
            {
                throw Binary(index, "inet");
            }

            return (new IPAddress(raw[4..]), raw[1]);
        }

        var text = GetString(index);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address))
        {
            throw Syntax(index, "inet");
        }

        var full = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
        {
            return (address, full);
        }

        return int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix <= full
            ? (address, prefix)
            : throw Syntax(index, "inet");
    }

    private static string IntegerTypeName(uint type) => type switch
    {
        PgTypeOid.Int2 => "smallint",
        PgTypeOid.Int4 => "integer",
        PgTypeOid.Oid => "oid",
        _ => "bigint",
    };

    private PgErrorException Syntax(int index, string type) =>
        new(SqlState.InvalidTextRepresentation, $"invalid input syntax for type {type}: \"{GetString(index)}\"");

    private static PgErrorException Binary(int index, string type) =>
        new(SqlState.InvalidBinaryRepresentation, $"incorrect binary data format in bind parameter {index + 1} (type {type})");
}
