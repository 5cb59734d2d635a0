using System.CommandLine;

namespace Vnd.Engine.Cli;

/// <summary>The root of the <c>vnd</c> command line: one subcommand per job (import, tables, query, serve, ...).</summary>
public static class VndCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("VND: virtual network diagnosis as a service")
        {
            ImportCommand.Build(),
            TablesCommand.Build(),
            GenerateCommand.Build(),
            DiagnosisCommand.Build(),
            QueryCommand.Build(),
            ServeCommand.Build(),
            TableServerCommand.Build(),
        };
        return root;
    }

    public static Task<int> RunAsync(string[] args)
        => Build().Parse(args).InvokeAsync();
}
