using Spectre.Console;
using Vnd.Capture.Import;

namespace Vnd.Engine.Cli;

/// <summary>Shows a progress bar per capture file (by bytes consumed) when the console is interactive.</summary>
internal static class ImportProgressView
{
    public static void Run(IAnsiConsole console, IReadOnlyList<FileInfo> files, Action<FileInfo, IProgress<ImportProgress>?> import)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            foreach (var file in files)
                import(file, null);
            return;
        }
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                foreach (var file in files)
                {
                    var task = context.AddTask(Markup.Escape(file.Name), maxValue: Math.Max(1, file.Exists ? file.Length : 1));
                    import(file, new Progress(task));
                    task.Value = task.MaxValue;
                }
            });
    }

    /// <summary>Reports synchronously: the importer calls back on its own thread every million packets.</summary>
    private sealed class Progress(ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => task.Value = value.InputBytes;
    }
}
