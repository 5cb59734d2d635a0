namespace Vnd.Executor.Storage;

/// <summary>
/// Exclusive ownership of a table directory by one writer (or a drop/cleanup). .NET takes an advisory
/// flock for <see cref="FileShare.None"/> on Unix, which the kernel releases when the process dies — so a
/// killed importer never leaves the table locked, and cleanup never deletes a live writer's temp files.
/// </summary>
internal sealed class TableLock : IDisposable
{
    private readonly FileStream _stream;

    private TableLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or returns null when another writer holds it.</summary>
    public static TableLock? TryAcquire(string tableDirectory)
    {
        try
        {
            return new TableLock(new FileStream(Path.Combine(tableDirectory, TableDirectory.LockName),
                FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (Directory.Exists(tableDirectory))
        {
            return null;
        }
    }

    public static TableLock Acquire(string tableDirectory, TableRef table) =>
        TryAcquire(tableDirectory) ?? throw new StorageException(StorageErrorKind.TableLocked,
            $"table {table} is being written by another writer");

    public void Dispose() => _stream.Dispose();
}
