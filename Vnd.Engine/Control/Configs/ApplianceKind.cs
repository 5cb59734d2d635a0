namespace Vnd.Engine.Control.Configs;

/// <summary>What kind of virtual appliance a trace-collection section diagnoses (paper Fig. 4).</summary>
public enum ApplianceKind
{
    /// <summary>A virtual link; its capture points are the nodes at its ends.</summary>
    Link,

    /// <summary>A virtual node (VM, middlebox); its capture points are <c>input</c> and <c>output</c>.</summary>
    Node,
}
