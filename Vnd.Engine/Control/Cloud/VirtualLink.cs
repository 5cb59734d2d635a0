namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// A named point-to-point virtual link between two node interfaces on the same network. Tenants capture "on a
/// link" at one or both of its endpoints (paper Fig. 4 lines 1–4); the capture sees both directions there.
/// </summary>
public sealed record VirtualLink(string Name, LinkEndpoint First, LinkEndpoint Second)
{
    /// <summary>The endpoint on the named node, or null when the node is not on this link.</summary>
    public LinkEndpoint? EndpointAt(string node) =>
        First.Node == node ? First : Second.Node == node ? Second : null;
}
