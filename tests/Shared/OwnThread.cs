using System.Runtime.ExceptionServices;

namespace Vnd.Tests.Shared;

/// <summary>
/// Runs a test body on a thread of its own and rethrows its failure: for tests that change what belongs to a thread
/// (its CPU placement), so the change ends with the thread instead of staying on a pooled test thread.
/// </summary>
public static class OwnThread
{
    public static void Run(Action body) => Run(() =>
    {
        body();
        return 0;
    });

    public static T Run<T>(Func<T> body)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
            ExceptionDispatchInfo.Throw(failure);
        return result;
    }
}
