namespace Vnd.Capture.Sources;

/// <summary>
/// The slow path for a record whose lengths look wrong: count each problem, flag the record, and clamp what
/// would otherwise read outside the record. Readers call it only when a cheap combined test failed.
/// </summary>
internal static class RecordChecks
{
    /// <param name="room">Bytes the record really holds; a larger captured length is clamped to it.</param>
    /// <param name="snapLength">Declared snapshot length, 0 when not set.</param>
    public static RecordFlags Inspect(ReaderDiagnostics diagnostics, ref uint capturedLength, ref uint originalLength,
        uint room, uint snapLength)
    {
        var flags = RecordFlags.None;
        if (capturedLength > room)
        {
            diagnostics.Add(ReaderErrorKind.CaplenExceedsBlock);
            flags |= RecordFlags.CaplenClamped;
            capturedLength = room;
        }
        if (capturedLength == 0)
        {
            diagnostics.Add(ReaderErrorKind.CaplenZero);
            flags |= RecordFlags.Empty;
        }
        if (capturedLength > snapLength && snapLength != 0)
        {
            diagnostics.Add(ReaderErrorKind.CaplenExceedsSnaplen);
            flags |= RecordFlags.CaplenExceedsSnaplen;
        }
        if (capturedLength > originalLength)
        {
            diagnostics.Add(ReaderErrorKind.CaplenExceedsOriginal);
            flags |= RecordFlags.CaplenExceedsOriginal;
        }
        if (originalLength > int.MaxValue)
        {
            diagnostics.Add(ReaderErrorKind.OriginalLengthTooLarge);
            flags |= RecordFlags.OriginalLengthClamped;
            originalLength = int.MaxValue;
        }
        return flags;
    }
}
