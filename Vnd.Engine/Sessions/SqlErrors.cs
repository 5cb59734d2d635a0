using Vnd.Executor.Storage;
using Vnd.Planner.Errors;
using Vnd.Wire.Errors;

namespace Vnd.Engine.Sessions;

/// <summary>
/// The engine's exceptions as ErrorResponses: a <see cref="SqlException"/> keeps its SQLSTATE and position
/// (parse, bind and run-time errors alike); storage failures are XX001 (corrupt data) or 58030 (I/O).
/// </summary>
public static class SqlErrors
{
    /// <summary>True for the exceptions <see cref="ToPg"/> translates.</summary>
    public static bool IsEngineError(Exception error) =>
        error is SqlException or StorageException or PgErrorException or Control.Diagnoses.DiagnosisException or Control.Policy.PolicyException;

    public static PgErrorException ToPg(Exception error) => error switch
    {
        PgErrorException pg => pg,
        Control.Diagnoses.DiagnosisException diagnosis => new PgErrorException(diagnosis.SqlState, diagnosis.Message, inner: diagnosis),
        Control.Policy.PolicyException policy => new PgErrorException(policy.SqlState, policy.Message, inner: policy),
        SqlException sql => new PgErrorException(sql.SqlState, sql.Message, position: sql.Position ?? 0, inner: sql),
        StorageException { Kind: StorageErrorKind.TableNotFound } storage => new PgErrorException("42P01", storage.Message, inner: storage),
        StorageException { Kind: StorageErrorKind.Corrupt } storage => new PgErrorException("XX001", storage.Message, inner: storage),
        StorageException storage => new PgErrorException("58030", storage.Message, inner: storage),
        _ => new PgErrorException(Vnd.Wire.Errors.SqlState.InternalError, error.Message, inner: error),
    };

    public static PgErrorException FeatureNotSupported(string what) => new("0A000", what);
}
