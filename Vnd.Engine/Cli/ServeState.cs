namespace Vnd.Engine.Cli;

/// <summary>What a serving control server closes after its sessions: the control state, then the table-server connections.</summary>
internal sealed class ServeState(IDisposable state, IDisposable tableServers) : IDisposable
{
    public void Dispose()
    {
        state.Dispose();
        tableServers.Dispose();
    }
}
