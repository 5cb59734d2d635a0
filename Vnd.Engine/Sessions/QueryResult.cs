using Vnd.Planner.Types;

namespace Vnd.Engine.Sessions;

/// <summary>A finished query: column names and logical types, and rows of boxed values (see VectorValues).</summary>
public sealed record QueryResult(IReadOnlyList<string> Names, IReadOnlyList<SqlType> Types, IReadOnlyList<object?[]> Rows);
