namespace Vnd.Wire.Handlers;

/// <summary>How long a session may wait for the client: outside (57P05) and inside (25P03) a transaction block.</summary>
public readonly record struct PgIdlePolicy(TimeSpan IdleSessionTimeout, TimeSpan IdleInTransactionTimeout)
{
    public static PgIdlePolicy None => default;
}
