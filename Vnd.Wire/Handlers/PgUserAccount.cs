namespace Vnd.Wire.Handlers;

/// <summary>
/// What the engine knows about a login role. <paramref name="Secret"/> is a SCRAM verifier
/// (<c>SCRAM-SHA-256$...</c>, see <see cref="Auth.ScramVerifier"/>) or an md5 hash (<c>md5...</c>); null = no
/// password (only trust authentication can admit such a role). Admins may use the reserved connection slots.
/// </summary>
public sealed record PgUserAccount(string Name, string? Secret, bool IsAdmin = false);
