namespace Vnd.Wire.Handlers;

/// <summary>The query string held no statement: EmptyQueryResponse.</summary>
public sealed class PgEmptyQueryResult : PgResult
{
}
