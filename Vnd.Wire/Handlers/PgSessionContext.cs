using System.Net;
using Vnd.Wire.Errors;

namespace Vnd.Wire.Handlers;

/// <summary>
/// What the engine learns about a new session, and the back channel it may use during its own calls: notices
/// and ParameterStatus reports (e.g. after <c>SET application_name</c>) are queued and sent with the next flush.
/// </summary>
public abstract class PgSessionContext
{
    public required string User { get; init; }

    public required string Database { get; init; }

    public required bool IsAdmin { get; init; }

    public required int ProcessId { get; init; }

    public EndPoint? RemoteEndPoint { get; init; }

    /// <summary>All startup parameters as sent (application_name, options, client_encoding, ...).</summary>
    public required IReadOnlyDictionary<string, string> StartupParameters { get; init; }

    /// <summary>Session time zone used for timestamptz text; changing it reports TimeZone to the client.</summary>
    public abstract TimeZoneInfo TimeZone { get; set; }

    /// <summary>Sends a NoticeResponse (severity NOTICE/WARNING/INFO from the exception).</summary>
    public abstract void SendNotice(PgErrorException notice);

    /// <summary>Sends a ParameterStatus message.</summary>
    public abstract void ReportParameter(string name, string value);
}
