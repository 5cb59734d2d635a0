using Vnd.Planner.Types;

namespace Vnd.Capture.Fields;

/// <summary>One row of the field table; <paramref name="Layered"/> fields also get <c>inner.</c> and <c>quoted.</c> variants.</summary>
internal readonly record struct FieldDefinition(FieldId Id, string Name, SqlType Type, FieldKind Kind, bool Layered, string Description);
