using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// Exposes a builder's typed array as bytes so an <see cref="Apache.Arrow.ArrowBuffer"/> can wrap it
/// without a copy. The array is owned by the builder and reused for every batch; Arrow only reads it
/// while the batch is written out, and the disk thread while it writes a buffer the builder lent it. The array is
/// allocated pinned (on the pinned object heap), so pinning it is only taking its address: no state, which the
/// importing thread and the disk thread may both do at once.
/// </summary>
internal sealed class ArrayByteMemory<T> : MemoryManager<byte>
    where T : unmanaged
{
    private readonly T[] _array;

    /// <param name="array">an array allocated with <c>pinned: true</c></param>
    public ArrayByteMemory(T[] array) => _array = array;

    /// <summary>The first <paramref name="elements"/> values as bytes.</summary>
    public ReadOnlyMemory<byte> Bytes(int elements) => Memory[..(elements * Unsafe.SizeOf<T>())];

    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(_array.AsSpan());

    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)elementIndex, (uint)GetSpan().Length, nameof(elementIndex));
        var start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array)) + elementIndex;
        return new MemoryHandle(start);
    }

    /// <summary>Nothing to release: <see cref="Pin"/> took no handle.</summary>
    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
