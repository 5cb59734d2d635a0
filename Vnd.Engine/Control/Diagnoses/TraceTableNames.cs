using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>
/// How a diagnosis names the trace tables its capture points fill, in the tenant's schema (issue 5 item 4).
/// <list type="bullet">
/// <item>A capture point's short name: <c>node.input</c> → <c>node_in</c>, <c>node.output</c> → <c>node_out</c>,
/// a link captured at one end → the link name, at both ends <c>link@node</c> → <c>link_node</c>; always made a
/// plain SQL identifier (<see cref="SqlIdentifier.Sanitize"/>).</item>
/// <item>When exactly one parse rule applies to the capture point and its table id was derived (no
/// <c>Table ID</c> line, as in Fig. 7b), the table is the short name alone: Fig. 5 gives <c>lb_in</c> and
/// <c>lb_out</c>.</item>
/// <item>Otherwise each table is <c>&lt;table id&gt;_&lt;short name&gt;</c>, e.g. <c>tcp_lb_in</c> and
/// <c>udp_lb_in</c>, so every table says which rule and which capture point filled it.</item>
/// </list>
/// A parse rule applies to a capture point when it is for <c>all</c> traces or its trace id names the capture
/// point: its trace name (<c>lb.input</c>) or short name (<c>lb_in</c>, <c>lb-in</c>), ignoring case.
/// </summary>
public static class TraceTableNames
{
    private const string InputSuffix = ".input";
    private const string OutputSuffix = ".output";

    /// <summary>The short name of a capture point's trace.</summary>
    public static string ShortName(string capturePoint)
    {
        var name = capturePoint.EndsWith(InputSuffix, StringComparison.Ordinal) ? capturePoint[..^InputSuffix.Length] + "_in"
            : capturePoint.EndsWith(OutputSuffix, StringComparison.Ordinal) ? capturePoint[..^OutputSuffix.Length] + "_out"
            : capturePoint;
        return SqlIdentifier.Sanitize(name);
    }

    /// <summary>Whether a rule for <paramref name="traceId"/> (null: all traces) applies to a capture point.</summary>
    public static bool Applies(string? traceId, string capturePoint) =>
        traceId is null
        || string.Equals(traceId, capturePoint, StringComparison.OrdinalIgnoreCase)
        || SqlIdentifier.Sanitize(traceId) == ShortName(capturePoint);

    /// <summary>The table name for a table id at a capture point; see the class summary.</summary>
    public static string TableName(string tableId, bool aloneAndDerived, string capturePoint) =>
        aloneAndDerived ? ShortName(capturePoint) : SqlIdentifier.Sanitize($"{tableId}_{ShortName(capturePoint)}");
}
