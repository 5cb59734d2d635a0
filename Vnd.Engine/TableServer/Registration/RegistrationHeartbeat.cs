using Vnd.Executor;
using Vnd.Executor.Remote;
using Vnd.Executor.Storage;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.TableServer.Registration;

/// <summary>
/// A table server's side of registration (<c>vnd table-server --register host:port</c>): it sends its advertised
/// endpoint to the control server at once and then every <paramref name="interval"/>, for as long as it runs. The
/// first heartbeat registers it and a restarted server simply starts again. A refused or failed heartbeat is
/// reported once (not once per beat) and retried on the next beat, so a control server that starts later or
/// restarts finds the table server within one interval.
/// </summary>
public sealed class RegistrationHeartbeat : IAsyncDisposable
{
    private static readonly Site Control = new("control server");
    private readonly TableServerClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private readonly Func<string>? _catalogVersion;

    private RegistrationHeartbeat(Uri control, Uri advertised, string token, TimeSpan interval, TextWriter log, Func<string>? catalogVersion)
    {
        _client = new TableServerClient(Control, control, token);
        _catalogVersion = catalogVersion;
        _loop = Task.Run(() => BeatAsync(advertised.ToString(), interval, log, _stop.Token));
    }

    /// <summary>
    /// Starts heartbeating <paramref name="advertised"/> to the registration endpoint <paramref name="control"/>, each
    /// beat carrying <paramref name="catalogVersion"/> as it is then: the control server lists the tables again only
    /// when it changed, so a new table is queryable there within one beat.
    /// </summary>
    public static RegistrationHeartbeat Start(Uri control, Uri advertised, string token, TimeSpan interval, TextWriter log,
        Func<string>? catalogVersion = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new RegistrationHeartbeat(control, advertised, token, interval, log, catalogVersion);
    }

    private async Task BeatAsync(string advertised, TimeSpan interval, TextWriter log, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        string? lastProblem = "";
        do
        {
            string? problem = null;
            try
            {
                // A beat slower than the interval is as good as lost: the control server would already count it late.
                await _client.ActionAsync(TableServerProtocol.HeartbeatAction, Body(advertised), interval, stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ExecutionException or OperationCanceledException && stop.IsCancellationRequested)
            {
                return;
            }
            catch (ExecutionException e)
            {
                problem = e.SqlState == RemoteSqlStates.InvalidAuthorization ? "it refused the shared token" : e.Message;
            }
            if (problem != lastProblem)
                await log.WriteLineAsync(problem is null ? $"registered with the control server at {_client.Endpoint.Authority}"
                    : $"heartbeat to the control server at {_client.Endpoint.Authority} failed: {problem}").ConfigureAwait(false);
            lastProblem = problem;
        }
        while (await Tick(timer, stop).ConfigureAwait(false));
    }

    /// <summary>
    /// The endpoint and the catalog version; without the version when the data directory changed under the scan
    /// (a table dropped meanwhile): the beat must still keep the server alive, and the next one carries it.
    /// </summary>
    private string Body(string advertised)
    {
        try
        {
            return _catalogVersion is null ? advertised : advertised + "\n" + _catalogVersion();
        }
        catch (Exception e) when (e is IOException or StorageException)
        {
            return advertised;
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _client.Dispose();
        _stop.Dispose();
    }
}
