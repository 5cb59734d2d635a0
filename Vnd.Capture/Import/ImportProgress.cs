namespace Vnd.Capture.Import;

/// <summary>A progress report while an input is read: packets so far and bytes of this input consumed.</summary>
public readonly record struct ImportProgress(string Input, long Packets, long InputBytes);
