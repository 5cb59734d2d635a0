using Vnd.Planner.Types;

namespace Vnd.Capture.ParseConfigs.Validation;

/// <summary>
/// A trace-table column with its SQL type and the canonical fields that fill it; a row takes the
/// first of <see cref="Fields"/> present in the packet, NULL when none is.
/// </summary>
public sealed record BoundColumn(string Name, SqlType Type, ValueList<string> Fields);
