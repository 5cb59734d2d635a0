using Apache.Arrow;
using Apache.Arrow.Types;
using Vnd.Planner.Types;

namespace Vnd.Executor.Storage;

/// <summary>
/// The Arrow type an integer-valued column of one segment is stored as — int2/int4/int8, timestamps (ticks) and
/// IPv4-only inet (the address as a number) — and the base its stored values are offsets from:
/// <list type="bullet">
/// <item>the narrowest integer type that holds the segment's values as they are (unsigned first, as most trace
/// fields — ports, lengths, sequence numbers — are never negative), base 0: a 16-bit port as UInt16 instead of Int32;</item>
/// <item>or, when that is narrower still, each value minus the segment's least one (frame of reference) as an unsigned
/// integer, the base in the field's <c>vnd.base</c>: a segment's timestamps span seconds to minutes, so µs ticks
/// (8 bytes) fit 4 bytes from their first; a tenant's addresses share a prefix, so most fit 2.</item>
/// </list>
/// The write of an import is bounded by the disk, so fewer bytes is less time. The manifest and the field's
/// <c>vnd.type</c> keep the logical type; readers widen and add the base (see <see cref="Scans.ArrowBatchConverter"/>).
/// Offsets are a VND convention an Arrow tool must apply itself; <see cref="TraceTableWriterOptions.ValueOffsets"/>
/// turns them off for tables meant to be read by plain Arrow tools.
/// </summary>
public static class StoredIntegerType
{
    /// <summary>Field metadata: the base a segment's stored values are offsets from (absent: 0).</summary>
    public const string BaseKey = "vnd.base";

    /// <summary>Whether columns of <paramref name="type"/> are stored narrower when their values allow.</summary>
    public static bool IsNarrowable(SqlType type) =>
        type.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Timestamp or TypeId.TimestampTz
        || (type.Id == TypeId.Inet && type.Family == InetFamily.V4);

    /// <summary>Whether later values of a column of <paramref name="type"/> tend to be greater (capture time).</summary>
    public static bool Advances(SqlType type) => type.Id is TypeId.Timestamp or TypeId.TimestampTz;

    /// <summary>Bytes per value of the logical type's own Arrow type.</summary>
    public static int LogicalWidth(SqlType type) => type.Id switch
    {
        TypeId.Int2 => 2,
        TypeId.Int4 or TypeId.Inet => 4,
        _ => 8,
    };

    /// <summary>
    /// The stored type of a segment's column whose values are expected in [<paramref name="min"/>,
    /// <paramref name="max"/>]: int2/int4/int8 as <see cref="Choose(SqlType, bool, long, long)"/> narrows them (the
    /// trace tables' integers — ports, lengths, flags — fit that way, and sequence numbers have no shared part);
    /// timestamps and addresses, if <paramref name="offsets"/>, as offsets from a base when narrower than their own
    /// Arrow type, as that type otherwise. Capture time
    /// (<see cref="Advances"/>) counts from <paramref name="min"/>, the segment's start. Other values keep the high bytes
    /// they share — with room for the range to grow as wide again — and store the low ones (the base is the shared
    /// part): a tenant's addresses in one /16 fit two bytes in whatever order they come, which a base at the least one
    /// seen first would not promise.
    /// </summary>
    public static StoredInteger Choose(SqlType logical, bool any, long min, long max, bool offsets)
    {
        if (logical.IsInteger)
            return new StoredInteger(Choose(logical, any, min, max), 0);
        var plain = ArrowTypeMapping.ToArrowType(logical);
        if (!offsets || !any)
            return new StoredInteger(plain, 0);
        foreach (var width in (ReadOnlySpan<int>)[1, 2, 4])
        {
            if (width >= Width(plain))
                break;
            var bits = width * 8;
            if (Advances(logical) ? unchecked((ulong)(max - min)) >> bits == 0 : min >> bits == Roomy(min, max) >> bits)
            {
                var @base = Advances(logical) ? min : min & ~((1L << bits) - 1);
                return new StoredInteger(width switch { 1 => UInt8Type.Default, 2 => UInt16Type.Default, _ => UInt32Type.Default }, @base);
            }
        }
        return new StoredInteger(plain, 0);
    }

    /// <summary>
    /// <paramref name="max"/> plus the range's width again: the high bytes must be shared with room to spare, or values
    /// climbing through a range (monotone test data, a scan across addresses) would cut a segment at each boundary.
    /// </summary>
    private static long Roomy(long min, long max) => (long)Int128.Min(long.MaxValue, (Int128)max + ((Int128)max - min));

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

    /// <summary>Whether every value of [<paramref name="min"/>, <paramref name="max"/>] fits <paramref name="stored"/> as offsets from <paramref name="base"/>.</summary>
    public static bool Fits(IArrowType stored, long @base, long min, long max)
    {
        var low = (Int128)min - @base;
        var high = (Int128)max - @base;
        return stored.TypeId switch
        {
            ArrowTypeId.UInt8 => low >= 0 && high <= byte.MaxValue,
            ArrowTypeId.Int8 => low >= sbyte.MinValue && high <= sbyte.MaxValue,
            ArrowTypeId.UInt16 => low >= 0 && high <= ushort.MaxValue,
            ArrowTypeId.Int16 => low >= short.MinValue && high <= short.MaxValue,
            ArrowTypeId.UInt32 => low >= 0 && high <= uint.MaxValue,
            ArrowTypeId.Int32 => low >= int.MinValue && high <= int.MaxValue,
            _ => true,
        };
    }

    /// <summary>Per field of <paramref name="schema"/>, the base of its stored values (<see cref="Base(Field)"/>).</summary>
    public static long[] Bases(Schema schema) => [.. schema.FieldsList.Select(Base)];

    /// <summary>The base of <paramref name="field"/>'s stored values (<see cref="BaseKey"/>; 0 when absent).</summary>
    public static long Base(Field field) =>
        field.HasMetadata && field.Metadata.TryGetValue(BaseKey, out var text)
            ? long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new StorageException(StorageErrorKind.Corrupt, $"column \"{field.Name}\": {BaseKey} \"{text}\" is not an integer")
            : 0;

    /// <summary>Bytes per value of an integer Arrow type.</summary>
    public static int Width(IArrowType stored) => ((FixedWidthType)stored).BitWidth / 8;

    /// <summary>
    /// Row <paramref name="index"/> of an integer-valued column of a segment (<see cref="IsNarrowable"/>), whatever
    /// integer type the segment stores it as, plus <paramref name="base"/> (<see cref="Base"/> of its field); null for
    /// NULL. For code that reads segments' record batches one value at a time (tools, tests).
    /// </summary>
    public static long? Value(IArrowArray array, int index, long @base = 0)
    {
        if (array.IsNull(index))
            return null;
        long stored = array switch
        {
            UInt8Array a => a.GetValue(index)!.Value,
            Int8Array a => a.GetValue(index)!.Value,
            UInt16Array a => a.GetValue(index)!.Value,
            Int16Array a => a.GetValue(index)!.Value,
            UInt32Array a => a.GetValue(index)!.Value,
            Int32Array a => a.GetValue(index)!.Value,
            Int64Array a => a.GetValue(index)!.Value,
            TimestampArray a => a.GetValue(index)!.Value,
            _ => throw new StorageException(StorageErrorKind.NotSupported,
                $"a stored {array.Data.DataType.Name} array is not an integer column"),
        };
        return unchecked(stored + @base);
    }

    /// <summary>Row <paramref name="index"/> of column <paramref name="column"/> of a segment's batch, its base applied (see <see cref="Value(IArrowArray, int, long)"/>).</summary>
    public static long? Value(RecordBatch batch, int column, int index) =>
        Value(batch.Column(column), index, Base(batch.Schema.GetFieldByIndex(column)));
}
