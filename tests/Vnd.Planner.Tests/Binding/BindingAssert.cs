using Vnd.Planner.Binding;
using Vnd.Planner.Errors;
using Vnd.Planner.Syntax;

namespace Vnd.Planner.Tests.Binding;

internal static class BindingAssert
{
    public static BoundQuery Bind(string sql) => new Binder(TraceCatalog.Create()).Bind(SqlParser.ParseStatement(sql));

    public static string Plan(string sql) => Bind(sql).Plan.ToString();

    /// <summary>Asserts the SQLSTATE, message and the 1-based position of <paramref name="at"/> in the text.</summary>
    public static void Fails(string sql, string state, string message, string? at = null)
    {
        var error = Assert.ThrowsAny<SqlException>(() => Bind(sql));
        Assert.Equal(message, error.Message);
        Assert.Equal(state, error.SqlState);
        if (at is not null)
        {
            Assert.Equal(sql.IndexOf(at, StringComparison.Ordinal) + 1, error.Position);
        }
    }

    public static string Types(string sql) => string.Join(", ", Bind(sql).Columns.Select(c => c.Name + ":" + c.Type.PgName));
}
