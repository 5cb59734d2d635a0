namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// One trace-table column. Several fields may fill the same column (Fig. 7b stores
/// <c>tcp.src</c> and <c>udp.src</c> in <c>src_port</c>); a row takes the first field, in
/// <see cref="Fields"/> order, that is present in the packet.
/// </summary>
public sealed record ColumnSpec(string Name, ValueList<FieldReference> Fields) : ConfigNode;
