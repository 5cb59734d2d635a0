using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;
using Vnd.Wire.Results;

namespace Vnd.Engine.Sessions;

public sealed partial class VndSession
{
    /// <summary>
    /// CREATE TEMP TABLE x [(names)] AS query: the result is materialized now in the session's pg_temp
    /// (<see cref="SessionTempTables"/>) and the tag is PostgreSQL's <c>SELECT n</c>. A tenant does not own its
    /// schema — the provider creates its trace tables from diagnoses — so a permanent table is what PostgreSQL says
    /// to a role without CREATE on the schema: 42501 permission denied (not 0A000: the statement is supported, the
    /// privilege is missing, and a temporary table is the way to the same result).
    /// </summary>
    private PgCommandResult CreateTableAs(CreateTableAsStatement create)
    {
        var name = create.Name;
        var inTemp = name.Count == 2 && name[0] == SearchPathCatalog.TempSchema;
        if (!create.Temporary && !inTemp)
        {
            var schema = name.Count >= 2 ? name[^2] : Identity.Tenant ?? Identity.User;
            throw new PgErrorException("42501", $"permission denied for schema {schema}",
                detail: "A tenant's schema holds the trace tables its diagnoses fill.",
                hint: "CREATE TEMP TABLE … AS keeps a result for this session.");
        }
        if (name.Count > 1 && !inTemp)
            throw new PgErrorException("42P16", "cannot create temporary relation in non-temporary schema");
        _catalog.EnsureTempNameFree(name[^1]);
        var query = PreparedQuery.Prepare(_catalog, create.Query, null);
        var output = query.Plan.Output;
        if (create.Columns.Count > output.Count)
            throw new PgErrorException("42601", "too many column names were specified");
        var columns = new string[output.Count];
        var types = new SqlType[output.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = c < create.Columns.Count ? create.Columns[c] : output[c].Name;
            types[c] = output[c].Type;
            if (!seen.Add(columns[c]))
                throw new PgErrorException("42701", $"column \"{columns[c]}\" specified more than once");
        }
        using var rows = Open(query, null);
        rows.Arm(_execution.StatementTimeout);
        var count = _catalog.TempTables.Create(name[^1], columns, types, rows, _settings.TempBuffersBytes, CancellationToken.None);
        return new PgCommandResult("SELECT " + count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// DROP TABLE: a temporary table of this session goes. A trace table is refused (it belongs to a diagnosis);
    /// any other name — another session's temporary table, another tenant's table, nothing — is PostgreSQL's
    /// 42P01 <c>table "x" does not exist</c>, the same for all three.
    /// </summary>
    private PgCommandResult DropTables(DropStatement drop)
    {
        foreach (var name in drop.Names)
        {
            var temp = name.Count == 1 || (name.Count == 2 && name[0] == SearchPathCatalog.TempSchema);
            if (temp && _catalog.TempTables.Drop(name[^1]))
                continue;
            // The table the name resolves to, as PostgreSQL picks it: the first schema of the path that has it.
            var schema = name.Count == 2 ? name[0] : _catalog.SearchPath.FirstOrDefault(s => s != SearchPathCatalog.TempSchema && _catalog.FindTable(s, name[0]) is not null);
            if (name.Count <= 2 && schema is not null && schema != SearchPathCatalog.TempSchema && _catalog.FindTable(schema, name[^1]) is not null)
            {
                throw schema is "pg_catalog" or "information_schema"
                    ? new PgErrorException("42501", $"permission denied: \"{name[^1]}\" is a system catalog")
                    : SqlErrors.FeatureNotSupported("DROP TABLE: trace tables are dropped with their diagnosis, vnd.drop_diagnosis(name)");
            }
            if (drop.IfExists)
                _context.SendNotice(new PgErrorException("00000", $"table \"{string.Join(".", name)}\" does not exist, skipping", PgSeverity.Notice));
            else
                throw new PgErrorException("42P01", $"table \"{string.Join(".", name)}\" does not exist");
        }
        return new PgCommandResult("DROP TABLE");
    }
}
