using Vnd.Capture.Import;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>What attaching capture files to a capture point imported, and the files that could not be read.</summary>
public sealed record AttachResult(string CapturePoint, ImportSummary Summary, IReadOnlyList<(string File, string Error)> Failures);
