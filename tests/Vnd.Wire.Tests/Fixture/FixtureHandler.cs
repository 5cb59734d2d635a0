using System.Collections.Concurrent;
using Vnd.Wire.Auth;
using Vnd.Wire.Handlers;

namespace Vnd.Wire.Tests.Fixture;

/// <summary>
/// Test stand-in for the engine: three roles, a fixed in-memory "table" of typed values, parameter echo,
/// COPY, transactions and a slow statement for cancellation. Records every SQL text it receives.
/// </summary>
public sealed class FixtureHandler : IPgServerHandler
{
    public const string Password = "pencil";
    private readonly Dictionary<string, PgUserAccount> _users;

    public FixtureHandler()
    {
        var verifier = ScramVerifier.FromPassword(Password, 4096).ToString();
        _users = new Dictionary<string, PgUserAccount>(StringComparer.Ordinal)
        {
            ["alice"] = new("alice", verifier),
            ["bob"] = new("bob", verifier),
            ["admin"] = new("admin", verifier, IsAdmin: true),
            ["legacy"] = new("legacy", Md5Password.Hash(Password, "legacy")),
        };
    }

    /// <summary>Every query text passed to SimpleQuery or Parse, in arrival order.</summary>
    public ConcurrentQueue<string> ReceivedSql { get; } = new();

    /// <summary>Bytes received by COPY FROM STDIN, per completed copy.</summary>
    public ConcurrentQueue<byte[]> CopiedIn { get; } = new();

    /// <summary>Idle policy handed to new sessions.</summary>
    public PgIdlePolicy IdlePolicy { get; set; }

    public ValueTask<PgUserAccount?> FindUserAsync(string user, string database, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_users.GetValueOrDefault(user));

    public ValueTask<IPgSession> OpenSessionAsync(PgSessionContext context, CancellationToken cancellationToken) =>
        context.Database == "nodb"
            ? throw new Errors.PgErrorException("3D000", $"database \"{context.Database}\" does not exist")
            : ValueTask.FromResult<IPgSession>(new FixtureSession(this, context));
}
