using Vnd.Planner.Types;

namespace Vnd.Capture.Fields;

/// <summary>One row of the field table; <paramref name="Layers"/> says which prefixed variants exist.</summary>
internal readonly record struct FieldDefinition(FieldId Id, string Name, SqlType Type, FieldKind Kind, FieldLayers Layers, string Description);

/// <summary>Which layers a field can be read from: the plain name always, <c>inner.</c> and <c>quoted.</c> optionally.</summary>
[Flags]
internal enum FieldLayers : byte
{
    /// <summary>A whole-packet field (frame, tunnel ids, VND's flags).</summary>
    Packet = 0,
    Inner = 1,
    Quoted = 2,
    /// <summary>A header field: outer, innermost tunnel frame, ICMP-quoted header.</summary>
    All = Inner | Quoted,
}
