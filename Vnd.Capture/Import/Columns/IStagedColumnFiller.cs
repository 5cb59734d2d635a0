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

    /// <summary>The column's builder and storage, which the row stage appends staged runs to.</summary>
    StagedColumn Target { get; }
}
