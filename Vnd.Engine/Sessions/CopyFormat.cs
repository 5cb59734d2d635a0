using System.Text;
using Vnd.Planner.Syntax.Ast;
using Vnd.Wire.Errors;

namespace Vnd.Engine.Sessions;

/// <summary>COPY's output options: text (default) or CSV, delimiter, NULL string and CSV header.</summary>
public sealed record CopyFormat(bool Csv, byte Delimiter, byte[] Null, bool Header)
{
    public static CopyFormat From(IReadOnlyList<SqlOption> options)
    {
        var csv = false;
        byte? delimiter = null;
        string? nullText = null;
        var header = false;
        foreach (var option in options)
        {
            switch (option.Name.ToLowerInvariant())
            {
                case "format":
                    csv = option.Value?.ToLowerInvariant() switch
                    {
                        "csv" => true,
                        "text" => false,
                        "binary" => throw new PgErrorException("0A000", "not supported yet: COPY in binary format"),
                        _ => throw new PgErrorException("22023", $"COPY format \"{option.Value}\" not recognized"),
                    };
                    break;
                case "csv":
                    csv = true;
                    break;
                case "binary":
                    throw new PgErrorException("0A000", "not supported yet: COPY in binary format");
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
        if (header && !csv)
            throw new PgErrorException("0A000", "COPY HEADER available only in CSV mode");
        return new CopyFormat(csv, delimiter ?? (csv ? (byte)',' : (byte)'\t'), Encoding.UTF8.GetBytes(nullText ?? (csv ? "" : "\\N")), header);
    }
}
