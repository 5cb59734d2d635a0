using System.Text.Json.Serialization;

namespace Vnd.Engine.Control.Policy;

/// <summary>Whether a capture target names a virtual appliance (node) or a virtual link (Fig. 4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaptureTargetKind>))]
public enum CaptureTargetKind
{
    Node,
    Link,
}
