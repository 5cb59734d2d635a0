using Vnd.Planner.Catalog;
using Vnd.Planner.Types;

namespace Vnd.Planner.Tests.Binding;

public sealed class CatalogTests
{
    [Fact]
    public void Finds_tables_views_and_function_overloads()
    {
        var catalog = TraceCatalog.Create();
        Assert.Equal(9, catalog.FindTable("public", "in")!.Columns.Count);
        Assert.Equal(1_000_000, catalog.FindTable("public", "in")!.Statistics!.RowCount);
        Assert.Null(catalog.FindTable("public", "In"));
        Assert.NotNull(catalog.FindView("public", "tcp_data"));
        Assert.True(catalog.SchemaExists("tenant1"));
        Assert.Contains(catalog.FindFunctions("sum"), f => f.Id == "sum(int4)" && f.ReturnType == SqlType.Int8);
        Assert.Empty(catalog.FindFunctions("nosuch"));
    }

    [Fact]
    public void Added_functions_are_resolved_by_the_binder()
    {
        var catalog = TraceCatalog.Create();
        catalog.AddFunction(new FunctionSignature("flow_hash", FunctionKind.Scalar, [SqlType.Inet, SqlType.Inet, SqlType.Int4, SqlType.Int4], SqlType.Int8));
        var bound = new Vnd.Planner.Binding.Binder(catalog).Bind("select flow_hash(src_ip, dst_ip, src_port, dst_port) from \"in\"");
        Assert.Equal(SqlType.Int8, bound.Columns[0].Type);
        Assert.Contains("flow_hash(src_ip#3, dst_ip#4, src_port#5, dst_port#6)", bound.Plan.ToString(), StringComparison.Ordinal);
    }
}
