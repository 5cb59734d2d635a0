using Vnd.Engine.Catalog;
using Vnd.Engine.Catalog.System;
using Vnd.Engine.Sessions;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>
/// A data directory with two tenants: acme (trace_a, shared) and globex (secret_b, shared). Both have a table
/// named "shared" so isolation tests can compare the two views of one name.
/// </summary>
public sealed class TwoTenantStore : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "vnd-catalog-" + Guid.NewGuid().ToString("N"));

    public TwoTenantStore()
    {
        Store = new TraceTableStore(_data);
        Write(new TableRef("acme", "trace_a"), [new ColumnSchema("ts", SqlType.TimestampTz), new ColumnSchema("src_ip", SqlType.Inet),
            new ColumnSchema("src_port", SqlType.Int4), new ColumnSchema("payload_length", SqlType.Int8)], rows: 3);
        Write(new TableRef("acme", "shared"), [new ColumnSchema("acme_only", SqlType.Int4)], rows: 1);
        Write(new TableRef("globex", "secret_b"), [new ColumnSchema("ssn", SqlType.Int4)], rows: 2);
        Write(new TableRef("globex", "shared"), [new ColumnSchema("globex_only", SqlType.Int4)], rows: 1);
    }

    public TraceTableStore Store { get; }

    /// <summary>A fresh session of a tenant: its own <see cref="SessionInfo"/> over the shared store.</summary>
    public QueryRunner Session(string tenant, int pid = 4242) =>
        new(new SystemCatalog(new TraceCatalog(Store, tenant), new SessionInfo("vnd", tenant + "_user", tenant, pid)));

    public void Dispose()
    {
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    /// <summary>Adds a trace table of int4 columns holding 0, 1, … (other types NULL).</summary>
    public void Write(TableRef table, ColumnSchema[] columns, int rows)
    {
        using var writer = Store.CreateWriter(table, new TableSchema(columns));
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                if (columns[c].Type.Id == TypeId.Int4)
                    writer.GetBuilder<Int32ColumnBuilder>(c).Append(r);
                else
                    writer.Columns[c].AppendNull();
            }
            writer.EndRow();
        }
        writer.Commit();
    }
}
