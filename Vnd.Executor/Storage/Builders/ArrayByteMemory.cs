using System.Buffers;
using System.Runtime.InteropServices;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// Exposes a builder's typed array as bytes so an <see cref="Apache.Arrow.ArrowBuffer"/> can wrap it
/// without a copy. The array is owned by the builder and reused for every batch; Arrow only reads it
/// while the batch is written out.
/// </summary>
internal sealed class ArrayByteMemory<T> : MemoryManager<byte>
    where T : unmanaged
{
    private readonly T[] _array;
    private GCHandle _pin;
    private int _pins;

    public ArrayByteMemory(T[] array) => _array = array;

    /// <summary>The first <paramref name="elements"/> values as bytes.</summary>
    public ReadOnlyMemory<byte> Bytes(int elements) => Memory[..(elements * System.Runtime.CompilerServices.Unsafe.SizeOf<T>())];

    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(_array.AsSpan());

    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        if (_pins++ == 0)
            _pin = GCHandle.Alloc(_array, GCHandleType.Pinned);
        var start = (byte*)_pin.AddrOfPinnedObject() + elementIndex;
        return new MemoryHandle(start, default, this);
    }

    public override void Unpin()
    {
        if (_pins > 0 && --_pins == 0)
            _pin.Free();
    }

    protected override void Dispose(bool disposing)
    {
        if (_pin.IsAllocated)
            _pin.Free();
        _pins = 0;
    }
}
