namespace Vnd.Engine.Control.Policy;

/// <summary>One <c>field = value</c> term of a flow pattern, value as the tenant wrote it.</summary>
public sealed record FlowConstraint(FlowField Field, string Value)
{
    /// <summary>The <c>ip.src = 10.0.0.6</c> form.</summary>
    public override string ToString() => $"{FlowFieldNames.Of(Field)} = {Value}";
}
