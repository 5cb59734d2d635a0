using Microsoft.Extensions.Hosting;

namespace Vnd.Engine.TableServer;

/// <summary>
/// A host lifetime that leaves signals alone. ASP.NET Core's default console lifetime answers SIGTERM and SIGINT by
/// stopping the web application and cancelling the signal, so the process lived on: <c>vnd table-server</c> stayed
/// up after <c>kill</c> or a systemd stop (its command waits on the command line's cancellation, which the signal
/// never reached). The Flight endpoints are parts of a process whose command owns shutdown; this lifetime lets the
/// signal reach it, and the command then disposes the host.
/// </summary>
internal sealed class ProcessOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
