namespace Vnd.Executor.Storage;

/// <summary>An error of the trace-table store, carrying a <see cref="StorageErrorKind"/>.</summary>
public sealed class StorageException : Exception
{
    public StorageException(StorageErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public StorageErrorKind Kind { get; }
}
