using Microsoft.Win32.SafeHandles;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// The disk thread of one <see cref="TraceTableWriter"/>: segment bytes, the fsync and rename that seal a segment,
/// and the manifests that publish it are done by one background thread, strictly in the order they were queued, so
/// the importer's thread never waits on the kernel's write path or an fsync. The order is the crash-safety order
/// of the synchronous writer (temp file, fsync, rename, fsync directory, then the manifest naming it), so a crash
/// still exposes only completely written segments. Memory is bounded: the bytes in flight are a fixed set of
/// reused chunks and the queue has a fixed length; producers wait when either is used up. The first failure stops
/// all further work (later segments are discarded, no manifest is written after it) and is thrown to the producer
/// at its next call.
/// </summary>
internal sealed class SegmentDiskQueue : IDisposable
{
    /// <summary>Bytes per chunk: one <c>write</c> call each.</summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>
    /// Chunks in flight: enough to cover a seal (fsync, rename, directory fsync, then the manifest's) while the importer
    /// goes on filling. A seal takes the disk thread 45–110 ms on the shared machine, in which the importer fills
    /// ~20–45 MB; with 8 chunks it waited in <see cref="RentChunk"/> at every seal, 0.07–0.74 s per 10M-packet
    /// import, with 32 not at all (docs/benchmarks.md, ingest11). 24 MiB more resident at most.
    /// </summary>
    private const int Chunks = 32;
    private const int QueueLength = 32;

    private readonly object _gate = new();
    private readonly DiskOperation[] _queue = new DiskOperation[QueueLength];
    private readonly Stack<DiskChunk> _freeChunks = new(Chunks);
    private readonly Thread _thread;
    private int _head;
    private int _count;
    private long _queued;
    private long _done;
    private bool _closing;
    private Exception? _failure;

    public SegmentDiskQueue(string table)
    {
        for (var i = 0; i < Chunks; i++)
            _freeChunks.Push(new DiskChunk(ChunkBytes));
        _thread = new Thread(Run) { IsBackground = true, Name = "vnd-disk " + table };
        _thread.Start();
    }

    /// <summary>A chunk to fill; handed back to the queue by <see cref="Write"/>. Waits while all are in flight.</summary>
    public DiskChunk RentChunk()
    {
        lock (_gate)
        {
            while (_freeChunks.Count == 0 && _failure is null)
                Monitor.Wait(_gate);
            ThrowIfFailed();
            return _freeChunks.Pop();
        }
    }

    /// <summary>Writes <paramref name="length"/> bytes of <paramref name="chunk"/> at <paramref name="offset"/>, then frees the chunk.</summary>
    public void Write(SafeFileHandle file, long offset, DiskChunk chunk, int length) =>
        Enqueue(new DiskOperation(DiskOperationKind.Write, file, chunk, length, offset, null, null, null));

    /// <summary>
    /// Cuts a completely written temp file to its <paramref name="length"/> (space reserved past it is released),
    /// fsyncs and closes it, renames it to its final name and fsyncs the directory.
    /// </summary>
    public void Seal(SafeFileHandle file, long length, string tempPath, string finalPath) =>
        Enqueue(new DiskOperation(DiskOperationKind.Seal, file, null, 0, length, tempPath, finalPath, null));

    /// <summary>Closes and deletes an unfinished temp file. Also runs after a failure.</summary>
    public void Discard(SafeFileHandle file, string tempPath) =>
        Enqueue(new DiskOperation(DiskOperationKind.Discard, file, null, 0, 0, tempPath, null, null));

    /// <summary>Replaces the table's manifest (after the segments it names are sealed, by the queue's order).</summary>
    public void Publish(string tableDirectory, TableManifest manifest) =>
        Enqueue(new DiskOperation(DiskOperationKind.Publish, null, null, 0, 0, tableDirectory, null, manifest));

    /// <summary>Waits until everything queued so far is on disk; throws the queue's failure, if any.</summary>
    public void Drain()
    {
        lock (_gate)
        {
            var target = _queued;
            while (_done < target)
                Monitor.Wait(_gate);
            ThrowIfFailed();
        }
    }

    /// <summary>Finishes the queued work (after a failure only the discards) and stops the thread.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closing = true;
            Monitor.PulseAll(_gate);
        }
        _thread.Join();
    }

    private void Enqueue(in DiskOperation operation)
    {
        lock (_gate)
        {
            if (_closing)
                throw new StorageException(StorageErrorKind.InvalidUsage, "the table writer's disk queue is closed");
            // A failed queue still takes discards (they clean up) but nothing that would write.
            if (operation.Kind != DiskOperationKind.Discard)
                ThrowIfFailed();
            while (_count == _queue.Length)
                Monitor.Wait(_gate);
            _queue[(_head + _count) % _queue.Length] = operation;
            _count++;
            _queued++;
            Monitor.PulseAll(_gate);
        }
    }

    private void Run()
    {
        while (true)
        {
            DiskOperation operation;
            bool failed;
            lock (_gate)
            {
                while (_count == 0 && !_closing)
                    Monitor.Wait(_gate);
                if (_count == 0)
                    return;
                operation = _queue[_head];
                _queue[_head] = default;
                _head = (_head + 1) % _queue.Length;
                _count--;
                failed = _failure is not null;
                Monitor.PulseAll(_gate);
            }
            Exception? error = null;
            if (!failed || operation.Kind == DiskOperationKind.Discard)
            {
                try
                {
                    Execute(in operation);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or StorageException)
                {
                    error = e;
                    // The file will not be sealed: close it so the discard (or recovery) can delete it.
                    operation.File?.Dispose();
                }
            }
            else
            {
                operation.File?.Dispose();
            }
            lock (_gate)
            {
                if (operation.Chunk is not null)
                    _freeChunks.Push(operation.Chunk);
                if (error is not null && _failure is null && operation.Kind != DiskOperationKind.Discard)
                    _failure = error;
                _done++;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private static void Execute(in DiskOperation operation)
    {
        switch (operation.Kind)
        {
            case DiskOperationKind.Write:
                RandomAccess.Write(operation.File!, operation.Chunk!.Bytes[..operation.Length], operation.Offset);
                break;
            case DiskOperationKind.Seal:
                RandomAccess.SetLength(operation.File!, operation.Offset);
                RandomAccess.FlushToDisk(operation.File!);
                operation.File!.Dispose();
                DurableFile.Publish(operation.Path!, operation.FinalPath!, overwrite: false);
                break;
            case DiskOperationKind.Discard:
                operation.File!.Dispose();
                File.Delete(operation.Path!);
                break;
            case DiskOperationKind.Publish:
                ManifestFile.Save(operation.Path!, operation.Manifest!);
                break;
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
            throw new StorageException(StorageErrorKind.Io, $"writing the table's files failed: {_failure.Message}", _failure);
    }

    private enum DiskOperationKind : byte
    {
        Write,
        Seal,
        Discard,
        Publish,
    }

    private readonly record struct DiskOperation(DiskOperationKind Kind, SafeFileHandle? File, DiskChunk? Chunk, int Length, long Offset,
        string? Path, string? FinalPath, TableManifest? Manifest);
}
