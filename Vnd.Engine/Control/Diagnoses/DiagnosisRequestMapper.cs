using System.Globalization;
using Vnd.Capture.ParseConfigs;
using Vnd.Engine.Control.Configs;
using Vnd.Engine.Control.Policy;
using ConfigFlowPattern = Vnd.Engine.Control.Configs.FlowPattern;
using PolicyFlowPattern = Vnd.Engine.Control.Policy.FlowPattern;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>
/// Turns a parsed trace-collection configuration (paper Fig. 4) into the policy manager's
/// <see cref="DiagnosisRequest"/>. A <see cref="CaptureTarget"/> holds one conjunctive pattern, so an appliance
/// with several <c>Flow Pattern</c> lines (Fig. 5 has two) becomes one target per pattern, in order;
/// <see cref="PolicyComposer"/> folds them back into one capture point each. Errors name the line and column.
/// </summary>
public static class DiagnosisRequestMapper
{
    /// <exception cref="DiagnosisException">42601 for a capture point a node or link cannot have; 22023 for a field or value no mirror rule can match.</exception>
    public static DiagnosisRequest Map(string tenant, TraceCollectionConfiguration configuration)
    {
        var targets = new List<CaptureTarget>();
        foreach (var appliance in configuration.Appliances)
        {
            IReadOnlyList<PolicyFlowPattern> patterns = appliance.FlowPatterns.Count == 0
                ? [PolicyFlowPattern.All]
                : Patterns(appliance.FlowPatterns);
            foreach (var pattern in patterns)
                targets.Add(appliance.Kind == ApplianceKind.Node ? NodeTarget(appliance, pattern) : LinkTarget(appliance, pattern));
        }
        return new DiagnosisRequest(tenant, targets);
    }

    private static CaptureTarget NodeTarget(ApplianceSpec node, PolicyFlowPattern pattern)
    {
        bool input = false, output = false;
        foreach (var point in node.CapturePoints)
        {
            if (point.Name == CapturePointSpec.Input)
                input = true;
            else if (point.Name == CapturePointSpec.Output)
                output = true;
            else
                throw At(DiagnosisException.SyntaxError, point.Position,
                    $"capture point \"{point.Name}\" of node {node.Name}: a node is captured at input or output");
        }
        if (!input && !output)
            throw At(DiagnosisException.SyntaxError, node.Position, $"node {node.Name} needs a Capture Point line (input, output or both)");
        return CaptureTarget.Node(node.Name, input, output, pattern);
    }

    private static CaptureTarget LinkTarget(ApplianceSpec link, PolicyFlowPattern pattern)
    {
        var endpoints = new string[link.CapturePoints.Count];
        for (var i = 0; i < endpoints.Length; i++)
        {
            var point = link.CapturePoints[i];
            if (point.Name is CapturePointSpec.Input or CapturePointSpec.Output)
                throw At(DiagnosisException.SyntaxError, point.Position,
                    $"capture point \"{point.Name}\" of link {link.Name}: a link is captured at the node of one of its ends");
            endpoints[i] = point.Name;
        }
        return CaptureTarget.Link(link.Name, pattern, endpoints);
    }

    private static PolicyFlowPattern[] Patterns(IReadOnlyList<ConfigFlowPattern> written)
    {
        var patterns = new PolicyFlowPattern[written.Count];
        for (var p = 0; p < patterns.Length; p++)
        {
            var matches = written[p].Matches;
            var constraints = new FlowConstraint[matches.Count];
            for (var m = 0; m < constraints.Length; m++)
                constraints[m] = Constraint(matches[m]);
            patterns[p] = new PolicyFlowPattern(constraints);
        }
        return patterns;
    }

    private static FlowConstraint Constraint(Configs.FlowMatch match)
    {
        if (!FlowFieldNames.TryParse(match.Field.Name, out var field))
            throw At(DiagnosisException.InvalidParameterValue, match.Field.Position,
                $"flow patterns can match ip.src, ip.dst, ip.host, ip.proto, tcp/udp ports and vxlan.vni, not {match.Field.Name}");
        var value = match.Value switch
        {
            AddressValue { IsV6: false } a => a.IsPrefix
                ? $"{a.Address}/{a.PrefixLength.ToString(CultureInfo.InvariantCulture)}"
                : a.Address.ToString(),
            IntegerValue i => i.Value.ToString(CultureInfo.InvariantCulture),
            StringValue s => s.Value,
            _ => throw At(DiagnosisException.InvalidParameterValue, match.Value.Position,
                $"{match.Field.Name} cannot be matched against {(match.Value is AddressValue ? "an IPv6 address (virtual networks are IPv4)" : "a " + match.Value.KindName)}"),
        };
        return new FlowConstraint(field, value);
    }

    private static DiagnosisException At(string sqlState, SourcePosition position, string message) =>
        new(sqlState, $"{position}: {message}");
}
