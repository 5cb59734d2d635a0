namespace Vnd.Engine.Control.Cloud;

/// <summary>Per-tenant limits on trace storage and concurrent diagnoses.</summary>
public sealed record TenantQuotas(long MaxRows, long MaxBytes, int MaxDiagnoses);
