using System.Buffers.Binary;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// The first row of a set sketch stream (offset −1): how many rows the sketched side had and whether any of their
/// keys was NULL — NOT IN returns every row against an empty side and none against a side with a NULL — and the
/// table's cell count, which the reader checks against its plan.
/// </summary>
internal readonly record struct SetSketchHeader(long Rows, bool HasNull, int Cells)
{
    public const int Bytes = 13;

    public void WriteTo(Span<byte> into)
    {
        BinaryPrimitives.WriteInt64LittleEndian(into, Rows);
        into[8] = HasNull ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(into[9..], Cells);
    }

    /// <summary>The header in <paramref name="from"/>, or null when it is not one.</summary>
    public static SetSketchHeader? Read(ReadOnlySpan<byte> from) =>
        from.Length == Bytes && from[8] <= 1 && BinaryPrimitives.ReadInt64LittleEndian(from) >= 0
            ? new SetSketchHeader(BinaryPrimitives.ReadInt64LittleEndian(from), from[8] == 1, BinaryPrimitives.ReadInt32LittleEndian(from[9..]))
            : null;
}
