namespace Vnd.Planner.Errors;

/// <summary>
/// SQLSTATE codes VND reports, spelled as PostgreSQL's errcodes.txt so clients (psql, JDBC, Npgsql)
/// classify our errors exactly as they would a PostgreSQL server's.
/// </summary>
public static class SqlState
{
    public const string SyntaxError = "42601";
    public const string FeatureNotSupported = "0A000";
    public const string StatementTooComplex = "54001";
    public const string UndefinedTable = "42P01";
    public const string UndefinedColumn = "42703";
    public const string AmbiguousColumn = "42702";
    public const string UndefinedFunction = "42883";
    public const string DatatypeMismatch = "42804";
    public const string NumericValueOutOfRange = "22003";
    public const string DivisionByZero = "22012";
    public const string OutOfMemory = "53200";
    public const string QueryCanceled = "57014";
}
