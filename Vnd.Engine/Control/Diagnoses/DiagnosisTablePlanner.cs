using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Engine.Control.Policy;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>
/// Derives the trace tables each capture point of a collection policy fills (named by <see cref="TraceTableNames"/>)
/// and, for an import, the parse configuration one capture point's input is parsed with.
/// </summary>
public static class DiagnosisTablePlanner
{
    /// <exception cref="DiagnosisException">A rule's trace id names no capture point (22023, with its position), a capture point has no rule, or two tables get one name (42710).</exception>
    public static IReadOnlyList<DiagnosisTable> Plan(string tenant, ParseConfiguration parsed, BoundParseConfiguration bound, CollectionPolicy policy)
    {
        foreach (var rule in parsed.Rules)
        {
            if (rule.TraceId is not null && !policy.CapturePoints.Any(p => TraceTableNames.Applies(rule.TraceId, p.Name)))
                throw new DiagnosisException(DiagnosisException.InvalidParameterValue,
                    $"parse configuration {rule.Position}: trace \"{rule.TraceId}\" is none of this diagnosis's capture points ({string.Join(", ", policy.CapturePoints.Select(p => p.Name))})");
        }
        var derived = new HashSet<string>(parsed.Rules.Where(r => r.TableIdDerived).Select(r => r.TableId), StringComparer.Ordinal);
        var tables = new List<DiagnosisTable>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var point in policy.CapturePoints)
        {
            var applying = bound.Tables.Where(t => TraceTableNames.Applies(t.TraceId, point.Name)).ToList();
            if (applying.Count == 0)
                throw new DiagnosisException(DiagnosisException.InvalidParameterValue,
                    $"no parse rule applies to capture point \"{point.Name}\"; add a Trace ID {point.Name} or Trace ID all section");
            foreach (var table in applying)
            {
                var name = TraceTableNames.TableName(table.TableId, applying.Count == 1 && derived.Contains(table.TableId), point.Name);
                if (!names.Add(name))
                    throw new DiagnosisException(DiagnosisException.DuplicateObject,
                        $"capture point \"{point.Name}\" would fill trace table \"{name}\" a second time; give the rules distinct Table IDs");
                tables.Add(new DiagnosisTable(point.Name, table.TableId, point.Hypervisor, point.TableServer, new TableRef(tenant, name)));
            }
        }
        return tables;
    }

    /// <summary>
    /// The parse configuration for one capture point's input: its rules only, each writing to the diagnosis's
    /// table for it, and bound to the capture point's trace so the importer skips every other trace's rules.
    /// </summary>
    public static BoundParseConfiguration ForCapturePoint(BoundParseConfiguration bound, Diagnosis diagnosis, string capturePoint)
    {
        var tables = new List<BoundTraceTable>();
        foreach (var table in bound.Tables)
        {
            if (!TraceTableNames.Applies(table.TraceId, capturePoint))
                continue;
            var stored = diagnosis.Tables.First(t => t.CapturePoint == capturePoint && t.TableId == table.TableId);
            tables.Add(table with { TraceId = capturePoint, TableId = stored.Table.Table });
        }
        return new BoundParseConfiguration(new ValueList<BoundTraceTable>(tables));
    }
}
