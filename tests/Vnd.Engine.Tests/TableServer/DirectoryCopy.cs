namespace Vnd.Engine.Tests.TableServer;

/// <summary>Copies data directories (or parts: a trace table) for the processes of the multi-process tests.</summary>
public static class DirectoryCopy
{
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
