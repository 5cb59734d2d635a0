namespace Vnd.Engine.Control.Diagnoses;

/// <summary>
/// A diagnosis operation the control server refuses, with the SQLSTATE the query interface reports. A diagnosis of
/// another tenant is reported exactly like a missing one, so its existence never leaks (isolation, paper §2.2).
/// </summary>
public sealed class DiagnosisException(string sqlState, string message) : Exception(message)
{
    /// <summary>syntax_error: a configuration that does not say what the grammar allows.</summary>
    public const string SyntaxError = "42601";

    /// <summary>invalid_parameter_value: a well-formed request that cannot be satisfied as written.</summary>
    public const string InvalidParameterValue = "22023";

    /// <summary>undefined_object: no such diagnosis (or capture point) for this tenant.</summary>
    public const string UndefinedObject = "42704";

    /// <summary>duplicate_object: the diagnosis name or one of its trace tables is already taken.</summary>
    public const string DuplicateObject = "42710";

    /// <summary>duplicate_table: a trace table of that name exists outside any diagnosis.</summary>
    public const string DuplicateTable = "42P07";

    /// <summary>configuration_limit_exceeded: the tenant's row or byte quota is used up.</summary>
    public const string ConfigurationLimitExceeded = "53400";

    /// <summary>program_limit_exceeded: a configuration too large to process.</summary>
    public const string ProgramLimitExceeded = "54000";

    /// <summary>The SQLSTATE for clients.</summary>
    public string SqlState { get; } = sqlState;

    /// <summary>The one error for a diagnosis the tenant cannot see, whether it is missing or another tenant's.</summary>
    public static DiagnosisException NotFound(string name) =>
        new(UndefinedObject, $"diagnosis \"{name}\" does not exist");
}
