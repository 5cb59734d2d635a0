namespace Vnd.Wire.Auth;

/// <summary>How clients prove who they are. SCRAM is the default; the others only when configured.</summary>
public enum PgAuthMethod
{
    ScramSha256,
    /// <summary>md5 challenge; users whose stored secret is a SCRAM verifier still get SCRAM (as PostgreSQL does).</summary>
    Md5,
    /// <summary>Cleartext password (only sensible over TLS).</summary>
    Password,
    /// <summary>No password, and only for loopback peers: other peers are refused.</summary>
    Trust,
}
