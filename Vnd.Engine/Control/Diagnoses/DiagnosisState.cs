namespace Vnd.Engine.Control.Diagnoses;

/// <summary>Where a diagnosis is in its life: capturing, or stopped with its trace tables kept for queries.</summary>
public enum DiagnosisState
{
    /// <summary>Mirror rules are (to be) installed and its collector ports are held.</summary>
    Running,

    /// <summary>Capture has stopped and its collectors are free; its trace tables stay until it is dropped.</summary>
    Stopped,
}
