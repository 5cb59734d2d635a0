namespace Vnd.Engine.Control.Cloud;

/// <summary>One end of a virtual link: a node's interface.</summary>
public sealed record LinkEndpoint(string Node, string Interface)
{
    /// <summary>The <c>node:interface</c> form used in the cloud file.</summary>
    public override string ToString() => $"{Node}:{Interface}";
}
