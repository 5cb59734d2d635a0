namespace Vnd.Engine.Control.Policy;

/// <summary>
/// The commands that set up (and later tear down) one policy's mirroring on one hypervisor, in order. Removal
/// touches only this policy's rules: shared state such as the clsact qdisc or OVS's table-0 default stays.
/// </summary>
public sealed record MirrorRules(string Hypervisor, IReadOnlyList<ShellCommand> Install, IReadOnlyList<ShellCommand> Remove);
