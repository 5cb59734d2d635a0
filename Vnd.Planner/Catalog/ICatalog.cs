using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Catalog;

/// <summary>
/// What the binder needs to know about a tenant's objects. Names arrive already case-folded by the parser
/// (unquoted identifiers lower-cased, quoted ones kept), and are compared exactly, as PostgreSQL does.
/// </summary>
public interface ICatalog
{
    /// <summary>Schemas searched, in order, for unqualified table, view and function names.</summary>
    SqlList<string> SearchPath { get; }

    bool SchemaExists(string schema);

    TableDefinition? FindTable(string schema, string name);

    ViewDefinition? FindView(string schema, string name);

    /// <summary>All overloads named <paramref name="name"/> (empty when none).</summary>
    IReadOnlyList<FunctionSignature> FindFunctions(string name);
}
