namespace Vnd.Engine.TableServer;

/// <summary>
/// How many plan fragments a table server is executing right now: counted from the moment the executor starts
/// pulling until it stops (finished, failed or cancelled), so a cancel that did not reach the server shows as work
/// still running (the <c>status</c> Flight action reports it).
/// </summary>
public sealed class RunningFragments
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Started() => Interlocked.Increment(ref _count);

    public void Stopped() => Interlocked.Decrement(ref _count);
}
