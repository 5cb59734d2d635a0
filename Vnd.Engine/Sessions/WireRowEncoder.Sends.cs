using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Vnd.Executor.Vectors;

namespace Vnd.Engine.Sessions;

public sealed partial class WireRowEncoder
{
    /// <summary>
    /// A fixed-width type's send() form, as a struct type argument so the column loop of
    /// <see cref="Column{T, TSend}"/> is compiled once per type with the write inlined (no delegate, no virtual call).
    /// Each writes exactly what <see cref="WriteBinary(ColumnKind, bool, bool, int, Vector, int, Span{byte})"/> does,
    /// at a reference rather than into a span: the column loop checks once that its rows fit the chunk, so no write
    /// pays a bounds check of its own.
    /// </summary>
    private interface IBinarySend<T>
        where T : unmanaged
    {
        static abstract void Write(T value, ref byte destination);
    }

    /// <summary>An unaligned big-endian store of a primitive (network order, whatever the host's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref byte destination, short value) =>
        Unsafe.WriteUnaligned(ref destination, BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref byte destination, int value) =>
        Unsafe.WriteUnaligned(ref destination, BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref byte destination, long value) =>
        Unsafe.WriteUnaligned(ref destination, BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value);

    private readonly struct BoolSend : IBinarySend<byte>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(byte value, ref byte destination) => destination = value != 0 ? (byte)1 : (byte)0;
    }

    private readonly struct Int16Send : IBinarySend<short>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(short value, ref byte destination) => Store(ref destination, value);
    }

    private readonly struct Int32Send : IBinarySend<int>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(int value, ref byte destination) => Store(ref destination, value);
    }

    private readonly struct Int64Send : IBinarySend<long>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(long value, ref byte destination) => Store(ref destination, value);
    }

    private readonly struct Float4Send : IBinarySend<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(double value, ref byte destination) => Store(ref destination, BitConverter.SingleToInt32Bits((float)value));
    }

    private readonly struct Float8Send : IBinarySend<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(double value, ref byte destination) => Store(ref destination, BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>Days since 1970 (vectors) as days since 2000 (PostgreSQL).</summary>
    private readonly struct DateSend : IBinarySend<int>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(int value, ref byte destination) => Store(ref destination, PgDays(value));
    }

    /// <summary>Microseconds since 1970 as microseconds since 2000.</summary>
    private readonly struct MicrosSend : IBinarySend<long>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(long value, ref byte destination) => Store(ref destination, PgMicros(value));
    }

    /// <summary>Nanoseconds since 1970 floored to microseconds since 2000.</summary>
    private readonly struct NanosSend : IBinarySend<long>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(long value, ref byte destination) =>
            Store(ref destination, PgMicrosOfNanos(value));
    }

    /// <summary>An IPv4 inet (family 2, prefix 32, not cidr, 4 address bytes), as <see cref="InetBinary"/> writes it.</summary>
    private readonly struct Inet4Send : IBinarySend<uint>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(uint value, ref byte destination) =>
            Store(ref destination, (long)(0x0220_0004_0000_0000UL | value));
    }

    /// <summary>The six bytes of a MAC address held in the low bytes of a ulong.</summary>
    private readonly struct MacAddrSend : IBinarySend<ulong>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Write(ulong value, ref byte destination)
        {
            Store(ref destination, (short)(value >> 32));
            Store(ref Unsafe.Add(ref destination, 2), (int)value);
        }
    }
}
