using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Cli;

/// <summary><c>vnd tables</c>: lists the trace tables of a data directory with their sizes.</summary>
public static class TablesCommand
{
    public static Command Build()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data directory", Required = true };
        var tenant = new Option<string?>("--tenant") { Description = "only this tenant's tables" };
        var command = new Command("tables", "list trace tables with row counts") { data, tenant };
        command.SetAction(result => Run(result.GetRequiredValue(data), result.GetValue(tenant)));
        return command;
    }

    private static int Run(DirectoryInfo data, string? tenant)
    {
        if (!data.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]no data directory {data.FullName}[/]");
            return 2;
        }
        var store = new TraceTableStore(data.FullName);
        var table = new Table().AddColumn("schema").AddColumn("table")
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("segments").RightAligned())
            .AddColumn(new TableColumn("bytes").RightAligned());
        foreach (var schema in store.ListSchemas())
        {
            if (tenant is not null && schema != tenant)
                continue;
            foreach (var reference in store.ListTables(schema))
            {
                var trace = store.OpenTable(reference);
                table.AddRow(Markup.Escape(schema), Markup.Escape(reference.Table),
                    trace.RowCount.ToString("N0", CultureInfo.InvariantCulture),
                    trace.Segments.Count.ToString(CultureInfo.InvariantCulture),
                    trace.ByteSize.ToString("N0", CultureInfo.InvariantCulture));
            }
        }
        AnsiConsole.Write(table);
        return 0;
    }
}
