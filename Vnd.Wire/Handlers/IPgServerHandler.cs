namespace Vnd.Wire.Handlers;

/// <summary>
/// The engine's entry points for connection startup. The engine owns tenants and roles; the protocol layer only
/// asks who a user is and, once authenticated, for a session.
/// </summary>
public interface IPgServerHandler
{
    /// <summary>The role named in the startup packet, or null when it does not exist.</summary>
    ValueTask<PgUserAccount?> FindUserAsync(string user, string database, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a session for an authenticated user. Throw <see cref="Errors.PgErrorException"/> to refuse
    /// (e.g. 3D000 for an unknown database); it is sent as FATAL and the connection closes.
    /// </summary>
    ValueTask<IPgSession> OpenSessionAsync(PgSessionContext context, CancellationToken cancellationToken);
}
