namespace Vnd.Executor.Remote;

/// <summary>SQLSTATEs of distributed execution (PostgreSQL class 08 connection exceptions and 28 authorization).</summary>
public static class RemoteSqlStates
{
    /// <summary>connection_failure: a table server is down, unreachable or died mid-query.</summary>
    public const string ConnectionFailure = "08006";

    /// <summary>protocol_violation: a table server sent something that is not a valid result stream.</summary>
    public const string ProtocolViolation = "08P01";

    /// <summary>invalid_authorization_specification: the shared token was missing or wrong.</summary>
    public const string InvalidAuthorization = "28000";
}
