namespace Vnd.Engine.Control.Cloud;

/// <summary>One problem in a cloud file, at a 1-based line and column.</summary>
public sealed record CloudModelError(int Line, int Column, string Message)
{
    /// <summary>The <c>line L, column C: message</c> form shown to operators.</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
