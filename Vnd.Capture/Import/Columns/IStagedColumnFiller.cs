using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// A column whose values are integers read through <see cref="FieldSlot"/>s (integers, timestamps, IPv4 addresses):
/// it can also be filled from values staged elsewhere, which is how the importer's row path
/// (<see cref="RowStage"/>) appends them.
/// </summary>
internal interface IStagedColumnFiller
{
    /// <summary>The slot that reads <paramref name="field"/> for this column (<see cref="FieldSlot.Exists"/> false: none).</summary>
    FieldSlot SlotOf(FieldDescriptor field);

    /// <summary>
    /// Appends one row per element: <paramref name="values"/>[i] as the column stores it, NULL where
    /// <paramref name="present"/>[i] is false. The spans are the caller's scratch; the filler may convert in place.
    /// </summary>
    void AppendValues(Span<long> values, Span<bool> present);
}
