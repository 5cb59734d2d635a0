using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vnd.Engine.Control.Diagnoses;

namespace Vnd.Engine.Cli;

/// <summary>
/// <c>vnd diagnosis start|list|stop|drop|attach</c>: a tenant's diagnoses (paper §3.1) on a local data directory,
/// the same operations the control server offers over the wire.
/// </summary>
public static class DiagnosisCommand
{
    public static Command Build() => new("diagnosis", "start, list, stop, drop diagnoses and attach offline captures")
    {
        Start(), List(), Stop(), Drop(), DiagnosisAttachCommand.Build(),
    };

    internal static Option<DirectoryInfo> DataOption() => new("--data") { Description = "data directory (control state and trace tables)", Required = true };

    internal static Option<string> TenantOption() => new("--tenant") { Description = "tenant that owns the diagnosis", Required = true };

    internal static Option<string> NameOption() => new("--name") { Description = "diagnosis name", Required = true };

    internal static Option<FileInfo?> CloudOption() => new("--cloud") { Description = "cloud model file (YAML)" };

    internal static Option<bool> DemoOption() => new("--demo") { Description = "use the built-in demo cloud" };

    private static Command Start()
    {
        var (data, tenant, name, cloud, demo) = (DataOption(), TenantOption(), NameOption(), CloudOption(), DemoOption());
        var collect = new Option<FileInfo>("--collect") { Description = "trace collection configuration (paper Fig. 4)", Required = true };
        var parse = new Option<FileInfo>("--parse") { Description = "parse configuration (paper Fig. 7)", Required = true };
        var command = new Command("start", "start a diagnosis") { data, tenant, name, cloud, demo, collect, parse };
        command.SetAction(result =>
        {
            var model = DiagnosisSession.CloudFrom(result.GetValue(cloud), result.GetValue(demo));
            var collectText = DiagnosisSession.ReadText(result.GetRequiredValue(collect));
            var parseText = DiagnosisSession.ReadText(result.GetRequiredValue(parse));
            if (model is null || collectText is null || parseText is null)
                return 2;
            return DiagnosisSession.Run(result.GetRequiredValue(data), model, (manager, _) =>
            {
                var diagnosis = manager.Start(result.GetRequiredValue(tenant), result.GetRequiredValue(name), collectText, parseText);
                AnsiConsole.MarkupLineInterpolated($"diagnosis [bold]{diagnosis.Name}[/] started for {diagnosis.Tenant}");
                var tables = new Table().AddColumn("capture point").AddColumn("table").AddColumn("flows");
                foreach (var point in diagnosis.Policy.CapturePoints)
                {
                    foreach (var table in diagnosis.Tables)
                    {
                        if (table.CapturePoint == point.Name)
                            tables.AddRow(Markup.Escape(point.Name), Markup.Escape(table.Table.ToString()), Markup.Escape(string.Join(" | ", point.Matches)));
                    }
                }
                AnsiConsole.Write(tables);
                return 0;
            });
        });
        return command;
    }

    private static Command List()
    {
        var data = DataOption();
        var tenant = new Option<string?>("--tenant") { Description = "only this tenant's diagnoses (default: all, as the provider)" };
        var command = new Command("list", "list diagnoses with their state and trace tables") { data, tenant };
        command.SetAction(result => DiagnosisSession.Run(result.GetRequiredValue(data), DiagnosisSession.NoCloud, (_, state) =>
        {
            var table = new Table().AddColumn("tenant").AddColumn("diagnosis").AddColumn("state").AddColumn("tables").AddColumn("created");
            foreach (var diagnosis in state.List(result.GetValue(tenant)))
            {
                table.AddRow(Markup.Escape(diagnosis.Tenant), Markup.Escape(diagnosis.Name), diagnosis.State.ToString().ToLowerInvariant(),
                    Markup.Escape(string.Join(", ", diagnosis.Tables.Select(t => t.Table.Table))),
                    diagnosis.Created.ToString("u", CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Stop() => Change("stop", "stop capturing; the trace tables stay", (manager, tenant, name) =>
    {
        manager.Stop(tenant, name);
        AnsiConsole.MarkupLineInterpolated($"diagnosis [bold]{name}[/] stopped");
    });

    private static Command Drop() => Change("drop", "delete a diagnosis and its trace tables", (manager, tenant, name) =>
    {
        var freed = manager.Drop(tenant, name);
        AnsiConsole.MarkupLineInterpolated($"diagnosis [bold]{name}[/] dropped; freed {freed.Rows:N0} rows, {freed.Bytes:N0} bytes");
    });

    private static Command Change(string verb, string description, Action<DiagnosisManager, string, string> change)
    {
        var (data, tenant, name) = (DataOption(), TenantOption(), NameOption());
        var command = new Command(verb, description) { data, tenant, name };
        command.SetAction(result => DiagnosisSession.Run(result.GetRequiredValue(data), DiagnosisSession.NoCloud, (manager, _) =>
        {
            change(manager, result.GetRequiredValue(tenant), result.GetRequiredValue(name));
            return 0;
        }));
        return command;
    }
}
