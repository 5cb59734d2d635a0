using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>
/// Computes the collection policy of a mapped request whose appliances may have several flow patterns (a packet is
/// of interest when it matches any, Fig. 5). The policy manager places one target per appliance — its first
/// pattern — so each capture point takes one collector; every further pattern is checked and compiled by the
/// policy manager on its own and its rule-sized matches and taps are added to the same capture point.
/// <see cref="CapturePoint.Pattern"/> keeps the first pattern as written; the stored configuration text has all.
/// </summary>
public static class PolicyComposer
{
    /// <exception cref="PolicyException">The request is refused, or the patterns together need too many rules.</exception>
    public static CollectionPolicy Compute(CloudModel cloud, DiagnosisRequest request, IReadOnlyCollection<CollectionPolicy> live)
    {
        var first = new List<CaptureTarget>();
        var further = new List<CaptureTarget>();
        var seen = new HashSet<(CaptureTargetKind, string)>();
        foreach (var target in request.Targets)
            (seen.Add((target.Kind, target.Name)) ? first : further).Add(target);
        var policy = PolicyManager.Compute(cloud, request with { Targets = first }, live);
        if (further.Count == 0)
            return policy;
        var points = new List<CapturePoint>(policy.CapturePoints);
        foreach (var target in further)
        {
            // Placement of this one-target policy is discarded: only its matches and taps are kept.
            var alternative = PolicyManager.Compute(cloud, new DiagnosisRequest(request.Tenant, [target]));
            foreach (var point in alternative.CapturePoints)
            {
                var index = points.FindIndex(p => p.Name == point.Name);
                points[index] = Merge(points[index], point);
            }
        }
        return policy with { CapturePoints = points };
    }

    private static CapturePoint Merge(CapturePoint placed, CapturePoint alternative)
    {
        var matches = new List<FlowMatch>(placed.Matches);
        foreach (var match in alternative.Matches)
        {
            if (!matches.Contains(match))
                matches.Add(match);
        }
        if (matches.Count > FlowPatternCompiler.MaxMatches)
            throw new PolicyException(PolicyException.StatementTooComplex,
                $"the flow patterns of capture point \"{placed.Name}\" need more than {FlowPatternCompiler.MaxMatches} mirror rules; use fewer patterns");
        var taps = new List<CaptureTap>(placed.Taps);
        foreach (var tap in alternative.Taps)
        {
            if (!taps.Exists(t => t.Node == tap.Node && t.Interface == tap.Interface && t.Direction == tap.Direction))
                taps.Add(tap);
        }
        return placed with { Matches = matches, Taps = taps };
    }
}
