namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// The table id of a rule written without <c>Table ID</c> (Fig. 7b has none). The first such rule
/// of a <c>Trace ID</c> section is named after the trace — the trace id made a valid SQL identifier
/// (lower case, other characters as '_', e.g. <c>lb-in</c> → <c>lb_in</c>) — or <c>trace</c> for
/// <c>Trace ID all</c>; the n-th such rule of the same section gets the suffix <c>_n</c>
/// (<c>trace_2</c>). Explicit ids are untouched; a clash between any two ids is reported by the validator.
/// </summary>
public static class DefaultTableIds
{
    public const string ForAllTraces = "trace";

    /// <param name="traceId">The section's trace id; null for <c>all</c>.</param>
    /// <param name="ordinal">1 for the first rule without a table id in the section, 2 for the second, ...</param>
    public static string For(string? traceId, int ordinal)
    {
        var name = traceId is null ? ForAllTraces : SqlIdentifier.Sanitize(traceId);
        return ordinal == 1 ? name : $"{name}_{ordinal}";
    }
}
