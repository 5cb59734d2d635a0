namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// Holds the current cloud model and reloads it from its file without a restart. A reload builds and validates a
/// complete new model before one reference swap, so a reader sees the old or the new model, never a mix; a bad file
/// leaves the old model in place and reports why.
/// </summary>
public sealed class CloudModelStore
{
    private readonly string path;
    private CloudModel current;

    private CloudModelStore(string path, CloudModel initial)
    {
        this.path = path;
        current = initial;
    }

    /// <summary>Loads the file; throws <see cref="CloudModelException"/> when it is invalid.</summary>
    public static CloudModelStore Open(string path) => new(path, CloudModelLoader.LoadFile(path));

    /// <summary>The file this store reloads from.</summary>
    public string Path => path;

    /// <summary>The model to use for one request; take it once and use that snapshot throughout.</summary>
    public CloudModel Current => Volatile.Read(ref current);

    /// <summary>
    /// Re-reads the file and swaps the model in. On <see cref="CloudModelException"/> or an I/O error the previous
    /// model stays current and the exception propagates to the caller (e.g. the admin command that asked).
    /// </summary>
    public CloudModel Reload()
    {
        var fresh = CloudModelLoader.LoadFile(path);
        Volatile.Write(ref current, fresh);
        return fresh;
    }
}
