using Vnd.Executor.Storage;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>
/// Where one trace table of a diagnosis lives: the capture point (trace) filling it, the table id of the parse
/// configuration it comes from, and the table server (on <paramref name="Hypervisor"/>) that stores it.
/// </summary>
/// <param name="CapturePoint">The capture point's trace name, e.g. <c>lb.input</c>.</param>
/// <param name="TableId">The parse configuration's table id, e.g. <c>trace</c>.</param>
/// <param name="Hypervisor">The hypervisor of the capture point and its table server (physical: never shown to tenants).</param>
/// <param name="TableServer">The table server storing the table.</param>
/// <param name="Table">The table in the tenant's schema, e.g. <c>tenant2.lb_in</c>.</param>
public sealed record DiagnosisTable(string CapturePoint, string TableId, string Hypervisor, string TableServer, TableRef Table);
