using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// How one staged column reads its value from a frame of one <see cref="Decoding.CommonFrameKind"/>: the big-endian
/// 8 bytes ending at <see cref="End"/>, shifted and masked to the field's bits, plus a constant. A constant of the
/// kind is the load with an empty mask; an absent field is that with presence false. The presence of every field is
/// fixed per kind, so staging a row of such a frame is one load, shift, mask and add per column and no parts test.
/// </summary>
internal readonly struct CommonFrameLoad
{
    /// <summary>The first 8 bytes of the frame: a load that every common frame has room for.</summary>
    private const int Anywhere = 8;

    private CommonFrameLoad(int end, int shift, ulong mask, long add, bool present, CommonFrameValue value)
    {
        End = end;
        Shift = (byte)shift;
        Mask = mask;
        Add = add;
        Present = present;
        Value = value;
    }

    /// <summary>Offset just past the last byte loaded (at least 8: the load reads the 8 bytes before it).</summary>
    public int End { get; }

    public byte Shift { get; }

    public ulong Mask { get; }

    public long Add { get; }

    public bool Present { get; }

    public CommonFrameValue Value { get; }

    public static CommonFrameLoad Absent => new(Anywhere, 0, 0, 0, present: false, CommonFrameValue.Loaded);

    public static CommonFrameLoad Constant(long value) => new(Anywhere, 0, 0, value, present: true, CommonFrameValue.Loaded);

    /// <summary>The big-endian field of <paramref name="width"/> bytes ending at <paramref name="end"/>, shifted right, masked, plus <paramref name="add"/>.</summary>
    public static CommonFrameLoad Bits(int end, int width, int shift = 0, ulong? mask = null, long add = 0) =>
        new(end, shift, mask ?? ulong.MaxValue >> (64 - 8 * width), add, present: true, CommonFrameValue.Loaded);

    /// <summary>A value that is not a fixed piece of the frame (the record's fields, the TCP packet id).</summary>
    public static CommonFrameLoad Computed(CommonFrameValue value) => new(Anywhere, 0, 0, 0, present: true, value);

    /// <summary>The value, from <paramref name="frame"/>'s first byte; the frame must reach <see cref="End"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Load(ref byte frame) => Field(ref Unsafe.Add(ref frame, End - 8), Shift, Mask, Add);

    /// <summary>
    /// A load's value from the 8 bytes at <paramref name="bytes"/> (its end less 8), its fields passed in: loops over
    /// many frames keep them in registers, which a local of this struct (more fields than the JIT promotes) is not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Field(ref byte bytes, int shift, ulong mask, long add) =>
        (long)((BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref bytes)) >> shift) & mask) + add;
}
