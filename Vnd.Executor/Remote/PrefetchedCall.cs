using Apache.Arrow.Flight.Client;

namespace Vnd.Executor.Remote;

/// <summary>
/// A remote fragment's stream started before its reader opened (see <see cref="RemoteInputsStart"/>), kept in the
/// query's shared state until the reader takes it; one never taken (a join whose build side came back empty, a
/// LIMIT satisfied early) is cancelled when the query's context is disposed.
/// </summary>
internal sealed class PrefetchedCall(FlightRecordBatchStreamingCall call) : IDisposable
{
    private FlightRecordBatchStreamingCall? _call = call;

    /// <summary>The started call for the first reader; null afterwards (a second reader starts its own).</summary>
    public FlightRecordBatchStreamingCall? Take() => Interlocked.Exchange(ref _call, null);

    public void Dispose() => Take()?.Dispose();
}
