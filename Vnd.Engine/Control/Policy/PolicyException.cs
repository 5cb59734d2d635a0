namespace Vnd.Engine.Control.Policy;

/// <summary>
/// A diagnosis request the policy manager refuses, with the SQLSTATE the query interface reports. Messages about
/// objects outside the tenant's network never say whether the object exists elsewhere (isolation, paper §2.2).
/// </summary>
public sealed class PolicyException(string sqlState, string message) : Exception(message)
{
    /// <summary>insufficient_privilege: the request reaches outside the tenant's own virtual network.</summary>
    public const string InsufficientPrivilege = "42501";

    /// <summary>invalid_parameter_value: a well-formed request that cannot be satisfied as asked.</summary>
    public const string InvalidParameterValue = "22023";

    /// <summary>invalid_text_representation: a flow pattern value that does not parse.</summary>
    public const string InvalidTextRepresentation = "22P02";

    /// <summary>duplicate_object: two targets would produce the same trace.</summary>
    public const string DuplicateObject = "42710";

    /// <summary>statement_too_complex: the pattern expands into too many mirror rules.</summary>
    public const string StatementTooComplex = "54001";

    /// <summary>insufficient_resources: no free collector port on a table server.</summary>
    public const string InsufficientResources = "53000";

    /// <summary>configuration_limit_exceeded: the tenant's diagnosis quota is used up.</summary>
    public const string ConfigurationLimitExceeded = "53400";

    /// <summary>The SQLSTATE for clients.</summary>
    public string SqlState { get; } = sqlState;
}
