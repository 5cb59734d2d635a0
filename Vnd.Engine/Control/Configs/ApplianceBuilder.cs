using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Configs;

/// <summary>
/// Checks one appliance section and gathers its capture points and flow patterns: a node is captured
/// at <c>input</c> and/or <c>output</c> (normalised to lower case), a link at one or both of its end
/// nodes, no point twice, and at least one capture point.
/// </summary>
internal static class ApplianceBuilder
{
    public static ApplianceSpec Build(ApplianceSyntax syntax, List<ConfigDiagnostic> diagnostics)
    {
        var points = new List<CapturePointSpec>();
        var patterns = new List<FlowPattern>();
        foreach (var item in syntax.Items)
        {
            if (item.Pattern is not null)
            {
                patterns.Add(item.Pattern);
            }

            foreach (var written in item.Points)
            {
                var point = syntax.Kind == ApplianceKind.Node ? written with { Name = written.Name.ToLowerInvariant() } : written;
                if (Problem(syntax, points, point) is { } problem)
                {
                    diagnostics.Add(new ConfigDiagnostic(ConfigErrorKind.Naming, point.Position, problem));
                }
                else
                {
                    points.Add(point);
                }
            }
        }

        if (points.Count == 0 && syntax.Items.Count == patterns.Count)
        {
            diagnostics.Add(new ConfigDiagnostic(
                ConfigErrorKind.Syntax,
                syntax.Position,
                $"{syntax.Kind} {syntax.Name} has no Capture Point"));
        }

        return new ApplianceSpec(
            syntax.Kind,
            syntax.Name,
            new ValueList<CapturePointSpec>(points),
            new ValueList<FlowPattern>(patterns)) { Position = syntax.Position };
    }

    private static string? Problem(ApplianceSyntax syntax, List<CapturePointSpec> accepted, CapturePointSpec point)
    {
        if (syntax.Kind == ApplianceKind.Node && point.Name is not (CapturePointSpec.Input or CapturePointSpec.Output))
        {
            return $"a node is captured at input or output, not '{point.Name}'";
        }

        foreach (var earlier in accepted)
        {
            if (earlier.Name == point.Name)
            {
                return $"capture point {point.Name} of {syntax.Kind} {syntax.Name} is listed twice";
            }
        }

        return syntax.Kind == ApplianceKind.Link && accepted.Count == 2
            ? $"link {syntax.Name} has two ends; '{point.Name}' would be a third capture point"
            : null;
    }
}
