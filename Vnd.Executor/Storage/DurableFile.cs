namespace Vnd.Executor.Storage;

/// <summary>
/// Crash-safe publication of files: write a temp file, fsync it, rename it into place, fsync the
/// directory. After a crash a reader sees either the old file or the complete new one, never a part.
/// </summary>
internal static class DurableFile
{
    /// <summary>Suffix of files being written; never part of a table.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>Atomically replaces (or creates) <paramref name="path"/> with <paramref name="content"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var temp = path + TempSuffix;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        Publish(temp, path, overwrite: true);
    }

    /// <summary>Renames a complete, fsynced temp file to its final name and makes the rename durable.</summary>
    public static void Publish(string temp, string path, bool overwrite)
    {
        File.Move(temp, path, overwrite);
        LibC.FsyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Creates a directory and its missing parents durably (each new entry's parent is fsynced).</summary>
    public static void CreateDirectory(string path)
    {
        path = Path.GetFullPath(path);
        if (Directory.Exists(path))
            return;
        var parent = Path.GetDirectoryName(path);
        if (parent is not null)
            CreateDirectory(parent);
        Directory.CreateDirectory(path);
        if (parent is not null)
            LibC.FsyncDirectory(parent);
    }
}
