using System.Collections.Concurrent;
using Vnd.Executor;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.TableServer.Catalogs;

/// <summary>
/// Each table server's last ListFlights answer, so a statement costs no call to any table server in steady state.
/// An answer is listed again only when it can have changed: a registered server's heartbeat reports another
/// catalog version than the answer's; a listed server (no heartbeats) is asked its version, cheaply, at most once per
/// <paramref name="recheck"/>. A server that does not answer keeps its last answer, so its tables stay bound and
/// placed and a query over them fails with 08006 naming the capture point, instead of "relation does not exist".
/// </summary>
public sealed class TableServerCatalogCache(TableServerConnections connections, TimeSpan recheck)
{
    private static readonly Site Listing = new("table server");
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>
    /// The current catalog of <paramref name="server"/>: the cached one when <paramref name="down"/> or still current,
    /// else refreshed. <paramref name="heartbeatVersion"/> is the version its last heartbeat carried (null: none).
    /// </summary>
    public async Task<ServerCatalog> CurrentAsync(Uri server, bool down, string? heartbeatVersion)
    {
        var slot = _slots.GetOrAdd(server.ToString(), _ => new Slot());
        var known = slot.Catalog;
        if (down || Current(known, heartbeatVersion))
            return known ?? ServerCatalog.Empty;
        // One refresh per server at a time: the statements that arrive meanwhile take its result.
        await slot.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            known = slot.Catalog;
            if (Current(known, heartbeatVersion))
                return known!;
            var refreshed = await RefreshAsync(server, known, heartbeatVersion).ConfigureAwait(false);
            if (refreshed is not null)
                return slot.Catalog = refreshed;
            // Unreachable: keep the last answer and do not wait on this server again before the next recheck. A
            // server that never answered stays unknown, so the next statement asks again rather than binding against
            // nothing for a whole recheck interval (its tables would look missing, 42P01).
            if (known is null)
                return ServerCatalog.Empty;
            return slot.Catalog = known with { CheckedAt = Environment.TickCount64 };
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private bool Current(ServerCatalog? known, string? heartbeatVersion) =>
        known is not null && (heartbeatVersion is not null
            ? known.Version == heartbeatVersion
            : Environment.TickCount64 - known.CheckedAt < (long)recheck.TotalMilliseconds);

    /// <summary>The server's catalog now, or null when it did not answer.</summary>
    private async Task<ServerCatalog?> RefreshAsync(Uri server, ServerCatalog? known, string? heartbeatVersion)
    {
        var now = Environment.TickCount64;
        var client = connections.For(Listing, server);
        try
        {
            // Without a heartbeat's version, asking the version first spares a listing when nothing changed.
            if (known?.Version is { } version && heartbeatVersion is null
                && (await client.ActionAsync(TableServerProtocol.CatalogAction, "", CallTimeout).ConfigureAwait(false)) is [var current]
                && current == version)
                return known with { CheckedAt = now };
            // Only the tables whose manifest changed are described again; the rest are quoted by stamp.
            var (tables, listed) = await client.ListCatalogAsync(known?.Stamps()).ConfigureAwait(false);
            if (ServerCatalog.Of(tables, listed, now, known) is { } catalog)
                return catalog;
            (tables, listed) = await client.ListCatalogAsync().ConfigureAwait(false);
            return ServerCatalog.Of(tables, listed, now)
                ?? throw new ExecutionException(RemoteSqlStates.ProtocolViolation, $"table server {server.Authority} answered a full listing with unchanged entries");
        }
        catch (ExecutionException)
        {
            return null;
        }
    }

    /// <summary>A server's cached catalog and the gate its refreshes take turns at.</summary>
    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile ServerCatalog? Catalog;
    }
}
