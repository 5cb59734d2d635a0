using Apache.Arrow;
using Apache.Arrow.Types;
using Vnd.Planner.Types;

namespace Vnd.Executor.Storage;

/// <summary>
/// The Arrow type an int2/int4/int8 column of one segment is stored as: the narrowest integer type that holds the
/// segment's values (unsigned first, as most trace fields — ports, lengths, sequence numbers — are never
/// negative). Storing a 16-bit port as UInt16 instead of Int32 halves its bytes on disk and in the page cache;
/// the write of an import is bounded by the disk, so fewer bytes is less time. The manifest and the field's
/// <c>vnd.type</c> keep the logical type; readers widen (see <see cref="Scans.ArrowBatchConverter"/>).
/// </summary>
public static class StoredIntegerType
{
    /// <summary>Whether columns of <paramref name="type"/> are stored narrower when their values allow.</summary>
    public static bool IsNarrowable(SqlType type) => type.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8;

    /// <summary>Bytes per value of the logical type's own Arrow type.</summary>
    public static int LogicalWidth(SqlType type) => type.Id switch
    {
        TypeId.Int2 => 2,
        TypeId.Int4 => 4,
        _ => 8,
    };

    /// <summary>
    /// The narrowest integer type holding [<paramref name="min"/>, <paramref name="max"/>] that is narrower than the
    /// logical type's own; that type otherwise. A column with no non-null value stores zeros: UInt8.
    /// </summary>
    public static IArrowType Choose(SqlType logical, bool any, long min, long max)
    {
        var logicalWidth = LogicalWidth(logical);
        if (!any)
            return UInt8Type.Default;
        IArrowType? narrow = (min, max) switch
        {
            ( >= 0, <= byte.MaxValue) => UInt8Type.Default,
            ( >= sbyte.MinValue, <= sbyte.MaxValue) => Int8Type.Default,
            ( >= 0, <= ushort.MaxValue) when logicalWidth > 2 => UInt16Type.Default,
            ( >= short.MinValue, <= short.MaxValue) when logicalWidth > 2 => Int16Type.Default,
            ( >= 0, <= uint.MaxValue) when logicalWidth > 4 => UInt32Type.Default,
            ( >= int.MinValue, <= int.MaxValue) when logicalWidth > 4 => Int32Type.Default,
            _ => null,
        };
        return narrow ?? ArrowTypeMapping.ToArrowType(logical);
    }

    /// <summary>Whether every value of [<paramref name="min"/>, <paramref name="max"/>] fits <paramref name="stored"/>.</summary>
    public static bool Fits(IArrowType stored, long min, long max) => stored.TypeId switch
    {
        ArrowTypeId.UInt8 => min >= 0 && max <= byte.MaxValue,
        ArrowTypeId.Int8 => min >= sbyte.MinValue && max <= sbyte.MaxValue,
        ArrowTypeId.UInt16 => min >= 0 && max <= ushort.MaxValue,
        ArrowTypeId.Int16 => min >= short.MinValue && max <= short.MaxValue,
        ArrowTypeId.UInt32 => min >= 0 && max <= uint.MaxValue,
        ArrowTypeId.Int32 => min >= int.MinValue && max <= int.MaxValue,
        _ => true,
    };

    /// <summary>Bytes per value of an integer Arrow type.</summary>
    public static int Width(IArrowType stored) => ((FixedWidthType)stored).BitWidth / 8;

    /// <summary>
    /// Row <paramref name="index"/> of an int2/int4/int8 column of a segment, whatever integer type the segment stores
    /// it as; null for NULL. For code that reads segments' record batches one value at a time (tools, tests).
    /// </summary>
    public static long? Value(IArrowArray array, int index) => array switch
    {
        UInt8Array a => a.GetValue(index),
        Int8Array a => a.GetValue(index),
        UInt16Array a => a.GetValue(index),
        Int16Array a => a.GetValue(index),
        UInt32Array a => a.GetValue(index),
        Int32Array a => a.GetValue(index),
        Int64Array a => a.GetValue(index),
        _ => throw new StorageException(StorageErrorKind.NotSupported,
            $"a stored {array.Data.DataType.Name} array is not an integer column"),
    };
}
