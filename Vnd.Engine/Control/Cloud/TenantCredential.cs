namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// How a tenant authenticates to the query interface: exactly one of a clear-text password (demo clouds) or a
/// PostgreSQL SCRAM-SHA-256 verifier (<c>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey</c>).
/// </summary>
public sealed record TenantCredential(string? Password, string? ScramVerifier);
