using System.Text.Json;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// How one diagnosis is captured in the physical network (paper Fig. 6(a)): per capture point the flows, the taps
/// and the table server collector. Plain immutable data, stored as JSON so a restarted control server can remove
/// the rules it installed.
/// </summary>
public sealed record CollectionPolicy(string Tenant, IReadOnlyList<CapturePoint> CapturePoints)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The collector ports this policy holds while live.</summary>
    public IReadOnlyList<CollectorLease> Leases()
    {
        var leases = new CollectorLease[CapturePoints.Count];
        for (var i = 0; i < leases.Length; i++)
            leases[i] = new CollectorLease(CapturePoints[i].Hypervisor, CapturePoints[i].CollectorPort.Name);
        return leases;
    }

    /// <summary>The durable JSON form.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the durable JSON form.</summary>
    public static CollectionPolicy FromJson(string json) =>
        JsonSerializer.Deserialize<CollectionPolicy>(json, Json) ?? throw new JsonException("a collection policy cannot be null");
}
