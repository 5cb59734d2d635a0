namespace Vnd.Executor.Remote;

/// <summary>
/// The conventions on top of Arrow Flight that the table server and its clients share: the shared-token header,
/// the trailer that carries a failed fragment's SQLSTATE, and the field metadata that carries column statistics.
/// </summary>
public static class TableServerProtocol
{
    /// <summary>gRPC metadata key of the shared token, sent as <c>Bearer &lt;token&gt;</c>.</summary>
    public const string AuthorizationHeader = "authorization";

    /// <summary>Trailer with the SQLSTATE of an error raised while running a fragment.</summary>
    public const string SqlStateTrailer = "vnd-sqlstate";

    /// <summary>
    /// Request header asking a table server to measure the exchanges its fragment reads (EXPLAIN ANALYZE); it
    /// passes the header on to the fragments it reads and answers with <see cref="AnalysisTrailer"/>.
    /// </summary>
    public const string AnalyzeHeader = "vnd-analyze";

    /// <summary>Trailer of an analyzed stream: <see cref="ExchangeActuals.Encode"/> of the exchanges its fragment read.</summary>
    public const string AnalysisTrailer = "vnd-analysis";

    /// <summary>Field metadata in GetFlightInfo schemas: per-column statistics as invariant-culture integers.</summary>
    public const string MinKey = "vnd.min";
    public const string MaxKey = "vnd.max";
    public const string NullsKey = "vnd.nulls";
    public const string DistinctKey = "vnd.distinct";

    /// <summary>Field metadata: the column's stored bytes, and bounds of inet6/macaddr columns (hexadecimal, ordered
    /// as unsigned bytes).</summary>
    public const string BytesKey = "vnd.bytes";
    public const string MinBytesKey = "vnd.min.bytes";
    public const string MaxBytesKey = "vnd.max.bytes";

    /// <summary>
    /// Schema metadata of a listed table: its <see cref="TableStamp"/> (hexadecimal); with <see cref="UnchangedKey"/>
    /// the entry is bare (no fields, no statistics) and says the caller's description with this stamp still holds.
    /// </summary>
    public const string StampKey = "vnd.stamp";
    public const string UnchangedKey = "vnd.unchanged";

    /// <summary>Field metadata naming the logical type of a streamed column (information for other Arrow tools).</summary>
    public const string TypeKey = "vnd.type";

    /// <summary>Field metadata in ListFlights/GetFlightInfo schemas: the column's exact logical type (<see cref="SqlTypeText"/>).</summary>
    public const string SqlTypeKey = "vnd.sqltype";

    /// <summary>
    /// The table server's catalog version: changes whenever a table is created, dropped or gets a new manifest
    /// (a sealed segment). Sent as a ListFlights trailer, as the answer of <see cref="CatalogAction"/> and in every
    /// heartbeat, so a control server lists a table server again only when what it listed can have changed.
    /// </summary>
    public const string CatalogVersionTrailer = "vnd-catalog-version";

    /// <summary>DoAction at a table server: the result is its catalog version (see <see cref="CatalogVersionTrailer"/>).</summary>
    public const string CatalogAction = "catalog";

    /// <summary>Body of <see cref="StatusAction"/> asking instead how many ListFlights calls the server has answered.</summary>
    public const string ListingsStatus = "list-flights";

    /// <summary>
    /// DoAction at the control server's registration endpoint: the body is the table server's advertised endpoint
    /// (<c>http://host:port/</c>), optionally followed by a line with its catalog version; the first one registers
    /// it, every later one says it is still alive (and whether its tables changed).
    /// </summary>
    public const string HeartbeatAction = "heartbeat";

    /// <summary>DoAction at a table server: the result is the number of plan fragments it is running right now
    /// (with the body <see cref="ListingsStatus"/>: the number of ListFlights calls it answered).</summary>
    public const string StatusAction = "status";

    public static string Bearer(string token) => "Bearer " + token;
}
