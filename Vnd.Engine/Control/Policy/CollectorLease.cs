namespace Vnd.Engine.Control.Policy;

/// <summary>A table server collector port held by a live collection policy.</summary>
public sealed record CollectorLease(string Hypervisor, string Port);
