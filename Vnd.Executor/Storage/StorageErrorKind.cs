namespace Vnd.Executor.Storage;

/// <summary>What went wrong in the trace-table store; callers map kinds to SQLSTATEs.</summary>
public enum StorageErrorKind
{
    /// <summary>A schema, table or column name that cannot be used (empty, path characters, duplicate).</summary>
    InvalidName,
    /// <summary>The table does not exist in the data directory.</summary>
    TableNotFound,
    /// <summary>An append used a schema that differs from the table's existing schema.</summary>
    SchemaMismatch,
    /// <summary>A logical type has no storage mapping yet.</summary>
    NotSupported,
    /// <summary>A value that cannot be stored (wrong address length, batch too large, ...).</summary>
    InvalidValue,
    /// <summary>The writer was used out of order (row not complete, wrong builder type, after commit).</summary>
    InvalidUsage,
    /// <summary>Another writer holds the table (imports into one table are serialised).</summary>
    TableLocked,
    /// <summary>A segment or manifest does not match what was written (damage outside our control).</summary>
    Corrupt,
    /// <summary>The operating system failed a file operation.</summary>
    Io,
}
