namespace Vnd.Capture.ParseConfigs;

/// <summary>A literal in a filter's value set.</summary>
public abstract record FilterValue : ConfigNode
{
    /// <summary>What kind of value this is, as error messages name it ("integer", "address", ...).</summary>
    public abstract string KindName { get; }
}
