namespace Vnd.Wire.Errors;

/// <summary>Severity of an ErrorResponse/NoticeResponse; the text is sent in both the S and V fields.</summary>
public enum PgSeverity
{
    Error,
    Fatal,
    Panic,
    Warning,
    Notice,
    Debug,
    Info,
    Log,
}
