using Vnd.Wire.Handlers;
using Vnd.Wire.Results;

namespace Vnd.Wire.Connection;

/// <summary>A bound statement: the engine's result plus how far Execute has pulled it.</summary>
internal sealed class Portal(PgResult result, PgRowDescription? columns, bool statementDescribed, Action? describingStatement = null)
{
    /// <summary>Marks the portal's statement as described: a client that learned the row shape from Describe P
    /// (pgJDBC's first run of a named statement) expects no RowDescription on later Executes of it.</summary>
    public void MarkDescribed()
    {
        Described = true;
        describingStatement?.Invoke();
    }

    public PgResult Result { get; } = result;

    /// <summary>Result columns with the formats Bind asked for.</summary>
    public PgRowDescription? Columns { get; } = columns;

    public bool StatementDescribed { get; } = statementDescribed;

    public bool Described { get; set; }

    public bool Started { get; set; }

    public bool Completed { get; set; }

    /// <summary>Rows sent so far over all Executes (for the final "SELECT n").</summary>
    public long RowCount { get; set; }

    public string? Tag { get; set; }
}
