namespace Vnd.Engine.Tests.TableServer;

/// <summary>Copies data directories (or parts: a trace table) for the processes of the multi-process tests.</summary>
public static class DirectoryCopy
{
    public static void Copy(string from, string to)
    {
        CopyFiles(from, to);
        foreach (var dir in Directory.EnumerateDirectories(from))
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    /// <summary>The files of a data directory without its subdirectories: the control state, not the trace tables.</summary>
    public static void CopyFiles(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
