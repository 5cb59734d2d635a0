using Vnd.Wire.Errors;

namespace Vnd.Wire.Protocol.Backend;

public sealed partial class BackendWriter
{
    /// <summary>
    /// ErrorResponse or NoticeResponse: fields S (localised severity), V (non-localised severity), C (SQLSTATE),
    /// M (message), optional D, H, P; each a type byte plus a C string, the list ended by a zero byte.
    /// </summary>
    public void WriteError(PgErrorException error, bool notice = false)
    {
        var severity = SeverityText(error.Severity);
        var position = error.Position > 0 ? error.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        var length = Field(severity) /* S */ + Field(severity) /* V */ + Field(error.SqlState) /* C */ +
                     Field(error.Message) /* M */ + Field(error.Detail) /* D */ + Field(error.Hint) /* H */ +
                     Field(position) /* P */ + 1 /* terminator */;
        var span = Begin(notice ? BackendMessageCode.NoticeResponse : BackendMessageCode.ErrorResponse, length);
        var at = 5;
        at += WriteField((byte)'S', severity, span[at..]);
        at += WriteField((byte)'V', severity, span[at..]);
        at += WriteField((byte)'C', error.SqlState, span[at..]);
        at += WriteField((byte)'M', error.Message, span[at..]);
        at += WriteField((byte)'D', error.Detail, span[at..]);
        at += WriteField((byte)'H', error.Hint, span[at..]);
        at += WriteField((byte)'P', position, span[at..]);
        span[at] = 0;
        _output.Advance(5 + length);
    }

    public static string SeverityText(PgSeverity severity) => severity switch
    {
        PgSeverity.Fatal => "FATAL",
        PgSeverity.Panic => "PANIC",
        PgSeverity.Warning => "WARNING",
        PgSeverity.Notice => "NOTICE",
        PgSeverity.Debug => "DEBUG",
        PgSeverity.Info => "INFO",
        PgSeverity.Log => "LOG",
        _ => "ERROR",
    };

    private static int Field(string? value) => value is null ? 0 : 1 + CStringLength(value);

    private static int WriteField(byte type, string? value, Span<byte> destination)
    {
        if (value is null)
        {
            return 0;
        }

        destination[0] = type;
        return 1 + WriteCString(value, destination[1..]);
    }
}
