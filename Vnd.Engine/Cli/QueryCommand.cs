using System.CommandLine;
using Vnd.Engine.Sessions;
using Vnd.Executor;
using Vnd.Executor.Storage;
using Vnd.Planner.Errors;
using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Cli;

/// <summary>
/// <c>vnd query --data DIR --tenant T "SQL"</c>: runs one statement over a tenant's trace tables and prints the
/// result like psql. Errors print as psql's verbose form (<c>ERROR:  SQLSTATE: message</c>) and exit with 1.
/// </summary>
public static class QueryCommand
{
    public static Command Build()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data directory", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "tenant (schema) whose tables the query sees", Required = true };
        var sql = new Argument<string>("sql") { Description = "the SQL statement" };
        var command = new Command("query", "run a SQL query over trace tables") { data, tenant, sql };
        command.SetAction(result => Run(result.GetRequiredValue(data), result.GetRequiredValue(tenant), result.GetRequiredValue(sql),
            Console.Out, Console.Error));
        return command;
    }

    public static int Run(DirectoryInfo data, string tenant, string sql, TextWriter output, TextWriter error)
    {
        if (!data.Exists)
        {
            error.WriteLine($"ERROR:  58P01: data directory \"{data.FullName}\" does not exist");
            return 1;
        }
        try
        {
            var store = new TraceTableStore(data.FullName);
            var result = SqlParser.ParseStatement(sql) is ExplainStatement explain
                ? QueryExplain.Run(store, tenant, explain)
                : new QueryRunner(store, tenant).Run(sql);
            ResultTableWriter.Write(output, result);
            return 0;
        }
        catch (SqlException e)
        {
            // Parse, bind and run-time errors alike (ExecutionException is a SqlException).
            error.WriteLine($"ERROR:  {e.SqlState}: {e.Message}");
        }
        catch (StorageException e)
        {
            // Storage failures are data corruption or I/O problems: PostgreSQL's XX001 (data_corrupted) / 58030.
            error.WriteLine($"ERROR:  {(e.Kind == StorageErrorKind.Corrupt ? "XX001" : "58030")}: {e.Message}");
        }
        return 1;
    }
}
