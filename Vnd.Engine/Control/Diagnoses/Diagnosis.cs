using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>
/// A tenant's diagnosis as the control server keeps it: the configurations as the tenant wrote them, the computed
/// collection policy, its state and the trace tables its capture points fill.
/// </summary>
public sealed record Diagnosis(
    string Tenant,
    string Name,
    DiagnosisState State,
    string CollectionConfiguration,
    string ParseConfiguration,
    CollectionPolicy Policy,
    IReadOnlyList<DiagnosisTable> Tables,
    DateTimeOffset Created);
