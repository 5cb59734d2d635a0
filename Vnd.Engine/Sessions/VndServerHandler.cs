using Vnd.Executor.Execution;
using System.Collections.Concurrent;
using Vnd.Engine.Control.Cloud;
using Vnd.Wire.Auth;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;

namespace Vnd.Engine.Sessions;

/// <summary>
/// Who may log in and what they get. Users are the cloud model's tenants (a tenant's schema is its name) plus an
/// optional admin who sees all schemas. Databases: every user may connect to <c>vnd</c> and to the database named
/// like itself (psql's and Npgsql's default); anything else is 3D000, as PostgreSQL answers.
/// </summary>
public sealed class VndServerHandler : IPgServerHandler
{
    /// <summary>The database every user may name (besides its own name).</summary>
    public const string DatabaseName = "vnd";

    private readonly Func<CloudModel> _cloud;
    private readonly ISessionCatalogFactory _catalogs;
    private readonly AdminAccount? _admin;
    private readonly StatementCache _statements = new();
    private readonly BufferRecycler _buffers;

    /// <summary>Room for the build memory of a 10M-row join (~200 MB) twice over: the server's two workers may
    /// run two such queries at once.</summary>
    public const long DefaultRecycledBytes = 512L << 20;
    private readonly ConcurrentDictionary<string, string> _verifiers = new(StringComparer.Ordinal);

    /// <param name="cloud">the current cloud model, read at every login (e.g. <c>CloudModelStore.Current</c>, so reloads apply)</param>
    /// <param name="catalogs">builds each session's catalog</param>
    /// <param name="admin">the admin login, or null for none</param>
    /// <param name="recycledBytes">large operator buffers (join builds) kept between queries for the next one, at
    /// most this many bytes (see <see cref="BufferRecycler"/>); 0 keeps none</param>
    public VndServerHandler(Func<CloudModel> cloud, ISessionCatalogFactory catalogs, AdminAccount? admin = null,
        long recycledBytes = DefaultRecycledBytes)
    {
        _buffers = new BufferRecycler(recycledBytes);
        _cloud = cloud;
        _catalogs = catalogs;
        _admin = admin;
    }

    public ValueTask<PgUserAccount?> FindUserAsync(string user, string database, CancellationToken cancellationToken)
    {
        if (_admin is not null && user == _admin.Name)
            return ValueTask.FromResult<PgUserAccount?>(new PgUserAccount(user, Verifier(_admin.Secret), IsAdmin: true));
        if (_cloud().FindTenant(user) is not { } tenant)
            return ValueTask.FromResult<PgUserAccount?>(null);
        var secret = tenant.Credential.ScramVerifier ?? (tenant.Credential.Password is { } password ? Verifier(password) : null);
        return ValueTask.FromResult<PgUserAccount?>(new PgUserAccount(user, secret));
    }

    public ValueTask<IPgSession> OpenSessionAsync(PgSessionContext context, CancellationToken cancellationToken)
    {
        if (context.Database != DatabaseName && context.Database != context.User)
            throw new PgErrorException("3D000", $"database \"{context.Database}\" does not exist", PgSeverity.Fatal);
        var admin = context.IsAdmin && _admin is not null && context.User == _admin.Name;
        if (!admin && _cloud().FindTenant(context.User) is null)
            throw new PgErrorException("28000", $"role \"{context.User}\" does not exist", PgSeverity.Fatal);
        var identity = new SessionIdentity(context.User, context.Database, admin, admin ? null : context.User, context.ProcessId);
        return ValueTask.FromResult<IPgSession>(new VndSession(context, identity, _catalogs.Open(identity), _statements, _buffers));
    }

    /// <summary>
    /// A SCRAM verifier as is; a password turns into one once per distinct password (PBKDF2 with 4096 rounds is
    /// too slow to repeat at every login).
    /// </summary>
    private string Verifier(string secret) =>
        secret.StartsWith("SCRAM-SHA-256$", StringComparison.Ordinal) || (secret.StartsWith("md5", StringComparison.Ordinal) && secret.Length == 35)
            ? secret
            : _verifiers.GetOrAdd(secret, static password => ScramVerifier.FromPassword(password).ToString());
}
