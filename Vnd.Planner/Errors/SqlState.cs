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
    public const string InvalidTextRepresentation = "22P02";
    public const string InvalidParameterValue = "22023";
    public const string InvalidDatetimeFormat = "22007";
    public const string DatetimeFieldOverflow = "22008";
    public const string InvalidArgumentForLogarithm = "2201E";
    public const string InvalidArgumentForPower = "2201F";
    public const string InvalidEscapeSequence = "22025";
    public const string InvalidRowCountInLimit = "2201W";
    public const string InvalidRowCountInOffset = "2201X";
    public const string CannotCoerce = "42846";
    public const string NullValueNotAllowed = "22004";
    public const string InvalidArgumentForWidthBucket = "2201G";
    public const string ProgramLimitExceeded = "54000";
    public const string SubstringError = "22011";
    public const string ArraySubscriptError = "2202E";
    public const string InternalError = "XX000";
}
