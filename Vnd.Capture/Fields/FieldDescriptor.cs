using Vnd.Capture.Decoding;
using Vnd.Planner.Types;

namespace Vnd.Capture.Fields;

/// <summary>A decodable field: its stable id, canonical dotted name (tshark's where tshark has one) and SQL type.</summary>
public sealed class FieldDescriptor
{
    internal FieldDescriptor(FieldId id, string name, SqlType type, FieldKind kind, string description)
    {
        Id = id;
        Name = name;
        Type = type;
        Kind = kind;
        Description = description;
    }

    public FieldId Id { get; }

    public string Name { get; }

    public SqlType Type { get; }

    public FieldKind Kind { get; }

    public string Description { get; }

    /// <summary>Outer packet, innermost tunnelled frame (<c>inner.</c>) or ICMP-quoted header (<c>quoted.</c>).</summary>
    public LayerRole Layer => FieldIds.LayerOf(Id);

    public override string ToString() => $"{Name} ({Type})";
}
