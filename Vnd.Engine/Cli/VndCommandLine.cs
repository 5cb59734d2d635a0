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

    /// <summary>
    /// SIGINT and SIGTERM cancel the running command's token, which <c>serve</c> and <c>table-server</c> answer by
    /// ending their sessions (57P01) and removing their Unix socket. System.CommandLine 2.0.0 ships with
    /// <c>ProcessTerminationTimeout</c> null (dotnet/command-line-api#2739), i.e. no signal handling at all: a systemd
    /// stop killed the server mid-session. The timeout bounds the graceful stop before the process is ended anyway.
    /// </summary>
    public static Task<int> RunAsync(string[] args)
        => Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) });
}
