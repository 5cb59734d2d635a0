using Vnd.Planner.Types;

namespace Vnd.Executor.Storage;

/// <summary>One column of a trace table: a header field's name and its logical type.</summary>
public sealed record ColumnSchema(string Name, SqlType Type);
