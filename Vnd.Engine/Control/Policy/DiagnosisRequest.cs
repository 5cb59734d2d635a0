namespace Vnd.Engine.Control.Policy;

/// <summary>What a tenant asks to capture (paper §3.1 step (a)), in terms of its own virtual topology only.</summary>
public sealed record DiagnosisRequest(string Tenant, IReadOnlyList<CaptureTarget> Targets);
