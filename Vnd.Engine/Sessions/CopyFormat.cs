using System.Text;
using Vnd.Planner.Syntax.Ast;
using Vnd.Wire.Errors;

namespace Vnd.Engine.Sessions;

/// <summary>COPY's output options: text (default), CSV or binary, delimiter, NULL string and CSV header.</summary>
public sealed record CopyFormat(bool Csv, byte Delimiter, byte[] Null, bool Header, bool Binary = false)
{
    public static CopyFormat From(IReadOnlyList<SqlOption> options)
    {
        var csv = false;
        var binary = false;
        byte? delimiter = null;
        string? nullText = null;
        var header = false;
        foreach (var option in options)
        {
            switch (option.Name.ToLowerInvariant())
            {
                case "format":
                    (csv, binary) = option.Value?.ToLowerInvariant() switch
                    {
                        "csv" => (true, false),
                        "text" => (false, false),
                        "binary" => (false, true),
                        _ => throw new PgErrorException("22023", $"COPY format \"{option.Value}\" not recognized"),
                    };
                    break;
                case "csv":
                    csv = true;
                    break;
                case "binary":
                    binary = true;
                    break;
                case "header":
                    header = option.Value is null || option.Value.ToLowerInvariant() is "true" or "on" or "1";
                    break;
                case "delimiter":
                    delimiter = option.Value is { Length: 1 } d && d[0] < 128
                        ? (byte)d[0]
                        : throw new PgErrorException("0A000", "COPY delimiter must be a single one-byte character");
                    break;
                case "null":
                    nullText = option.Value ?? "";
                    break;
                default:
                    throw new PgErrorException("42601", $"option \"{option.Name}\" not recognized");
            }
        }
        if (binary)
            return BinaryFormat(delimiter, nullText, header);
        if (header && !csv)
            throw new PgErrorException("0A000", "COPY HEADER available only in CSV mode");
        return new CopyFormat(csv, delimiter ?? (csv ? (byte)',' : (byte)'\t'), Encoding.UTF8.GetBytes(nullText ?? (csv ? "" : "\\N")), header);
    }

    /// <summary>Binary COPY has no delimiter, NULL string or header line: PostgreSQL refuses them (same messages).</summary>
    private static CopyFormat BinaryFormat(byte? delimiter, string? nullText, bool header)
    {
        if (delimiter is not null)
            throw new PgErrorException("42601", "cannot specify DELIMITER in BINARY mode");
        if (nullText is not null)
            throw new PgErrorException("42601", "cannot specify NULL in BINARY mode");
        if (header)
            throw new PgErrorException("22023", "cannot specify HEADER in BINARY mode");
        return new CopyFormat(false, 0, [], false, Binary: true);
    }
}
