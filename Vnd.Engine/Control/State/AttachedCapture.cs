namespace Vnd.Engine.Control.State;

/// <summary>An offline capture file imported as a capture point's input (offline diagnosis).</summary>
public sealed record AttachedCapture(string CapturePoint, string File, long Packets, long Bytes, DateTimeOffset Attached);
