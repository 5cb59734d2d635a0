using Vnd.Planner.Errors;

namespace Vnd.Planner.Distributed;

/// <summary>A fragment ticket that cannot be decoded (08P01, protocol violation) or a plan that cannot be encoded (0A000).</summary>
public sealed class FragmentFormatException : SqlException
{
    public const string ProtocolViolation = "08P01";

    public FragmentFormatException(string sqlState, string message)
        : base(sqlState, message)
    {
    }

    public FragmentFormatException()
        : this(ProtocolViolation, "malformed plan fragment")
    {
    }

    public FragmentFormatException(string message)
        : this(ProtocolViolation, message)
    {
    }

    public FragmentFormatException(string message, Exception innerException)
        : base(ProtocolViolation, message, null, innerException)
    {
    }
}
