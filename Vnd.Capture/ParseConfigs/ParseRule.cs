namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// One parsing rule: packets of trace <see cref="TraceId"/> (null means every trace of the
/// diagnosis, written <c>Trace ID all</c>) that pass <see cref="Filter"/> (null means every packet)
/// become rows of trace table <see cref="TableId"/> with the given columns.
/// </summary>
/// <param name="TableIdDerived">
/// True when the text had no <c>Table ID</c> and the id was derived (see <see cref="DefaultTableIds"/>).
/// </param>
public sealed record ParseRule(
    string? TraceId,
    string TableId,
    bool TableIdDerived,
    FilterExpr? Filter,
    ValueList<ColumnSpec> Columns) : ConfigNode
{
    /// <summary>Where the table id was written, or where the rule starts when it was derived.</summary>
    public SourcePosition TableIdPosition { get; init; }

    // Written out only to leave TableIdPosition, diagnostic data like Position, out of equality.
    public bool Equals(ParseRule? other) =>
        other is not null
        && TraceId == other.TraceId
        && TableId == other.TableId
        && TableIdDerived == other.TableIdDerived
        && Equals(Filter, other.Filter)
        && Columns.Equals(other.Columns);

    public override int GetHashCode() => HashCode.Combine(TraceId, TableId, TableIdDerived, Filter, Columns);
}
