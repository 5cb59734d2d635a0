using Vnd.Wire.Results;
using Vnd.Wire.Types;

namespace Vnd.Wire.Handlers;

/// <summary>A prepared statement (named or unnamed) owned by the engine; disposed on Close or replacement.</summary>
public interface IPgStatement : IDisposable
{
    /// <summary>Parameter types after inference (sent in ParameterDescription; no zeros left).</summary>
    uint[] ParameterTypes { get; }

    /// <summary>Result columns, or null when the statement returns no rows (Describe answers NoData).</summary>
    PgRowDescription? Columns { get; }

    /// <summary>Bind: creates the portal's result with these parameter values; rows are pulled by Execute.</summary>
    ValueTask<PgResult> BindAsync(PgParameters parameters, CancellationToken cancellationToken);
}
