namespace Vnd.Executor.Storage;

/// <summary>A fixed-length FIFO of disk operations; the owner's lock guards it.</summary>
internal sealed class OperationRing(int capacity)
{
    private readonly DiskOperation[] _items = new DiskOperation[capacity];
    private int _head;
    private int _count;

    public bool IsEmpty => _count == 0;

    public bool IsFull => _count == _items.Length;

    public void Add(in DiskOperation operation)
    {
        _items[(_head + _count) % _items.Length] = operation;
        _count++;
    }

    public DiskOperation Take()
    {
        var operation = _items[_head];
        // Cleared so a finished segment's handle and manifest are not kept alive by the ring.
        _items[_head] = default;
        _head = (_head + 1) % _items.Length;
        _count--;
        return operation;
    }
}
