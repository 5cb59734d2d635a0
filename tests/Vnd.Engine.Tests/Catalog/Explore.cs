using Vnd.Engine.Sessions;
using Xunit.Abstractions;

namespace Vnd.Engine.Tests.Catalog;

public sealed class Explore(ITestOutputHelper output) : IDisposable
{
    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void All()
    {
        var session = _store.Session("acme");
        var oid = session.Run("select oid from pg_class where relname = 'trace_a'").Rows[0][0]!.ToString();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Catalog", "Queries")).Order())
        {
            foreach (var statement in ClientQueries.Statements(Path.GetFileName(file), oid))
            {
                try
                {
                    var result = session.Run(statement);
                    output.WriteLine($"OK   {Path.GetFileName(file)}: {result.Rows.Count} rows; first: {string.Join("|", result.Rows.FirstOrDefault() ?? [])}");
                }
                catch (Exception e)
                {
                    output.WriteLine($"FAIL {Path.GetFileName(file)}: {e.GetType().Name}: {e.Message} {(e is IndexOutOfRangeException ? e.StackTrace : "")}");
                }
            }
        }
    }
}
