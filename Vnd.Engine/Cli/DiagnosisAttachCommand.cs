using System.CommandLine;
using Spectre.Console;

namespace Vnd.Engine.Cli;

/// <summary>
/// <c>vnd diagnosis attach</c>: offline diagnosis — capture files a tenant already has become the input of one
/// capture point and fill only that capture point's trace tables. Quotas come from the cloud model.
/// </summary>
public static class DiagnosisAttachCommand
{
    public static Command Build()
    {
        var (data, tenant, name) = (DiagnosisCommand.DataOption(), DiagnosisCommand.TenantOption(), DiagnosisCommand.NameOption());
        var (cloud, demo) = (DiagnosisCommand.CloudOption(), DiagnosisCommand.DemoOption());
        var point = new Option<string>("--capture-point") { Description = "capture point, e.g. lb.input or lb_in", Required = true };
        var files = new Argument<FileInfo[]>("capture") { Description = "pcap or pcapng files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("attach", "import capture files as a capture point's input") { data, tenant, name, cloud, demo, point, files };
        command.SetAction(result =>
        {
            var model = DiagnosisSession.CloudFrom(result.GetValue(cloud), result.GetValue(demo));
            if (model is null)
                return 2;
            return DiagnosisSession.Run(result.GetRequiredValue(data), model, (manager, _) =>
            {
                var paths = result.GetRequiredValue(files).Select(f => f.FullName).ToArray();
                var attached = manager.Attach(result.GetRequiredValue(tenant), result.GetRequiredValue(name), result.GetRequiredValue(point), paths);
                AnsiConsole.MarkupLineInterpolated($"capture point [bold]{attached.CapturePoint}[/]:");
                ImportSummaryView.Write(AnsiConsole.Console, attached.Summary, attached.Failures);
                return attached.Failures.Count == 0 ? 0 : 1;
            });
        });
        return command;
    }
}
