using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using Vnd.Executor.Execution;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// The disk threads of one <see cref="TraceTableWriter"/>. Segment bytes are written by one background thread, and the
/// fsync and rename that seal a segment and the manifests that publish it by a second, so the next segment's writes
/// go on while the previous one is being made durable (a seal costs the device several cache flushes: 40–110 ms on
/// the shared VM, as long as writing 25–60 MB). Each file's work is still done strictly in the order it was queued:
/// the write thread hands a seal, discard or manifest to the seal thread only after every write queued before it is
/// done, and the seal thread runs them in order. That is the crash-safety order of the synchronous writer (temp file,
/// fsync, rename, fsync directory, then the manifest naming it), so a crash still exposes only completely written
/// segments, and the importer's thread never waits on the kernel's write path or an fsync. Memory is bounded: the
/// bytes in flight are a fixed set of reused chunks and the queues have a fixed length; producers wait when either is
/// used up. The first failure stops all further work (later segments are discarded, no manifest is written after it)
/// and is thrown to the producer at its next call.
/// </summary>
internal sealed class SegmentDiskQueue : IDisposable
{
    /// <summary>Bytes per chunk: one <c>write</c> call each.</summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>
    /// Chunks in flight: enough to cover the device's slower moments while the importer goes on filling. With one
    /// thread for writes and seals, 8 chunks made the importer wait at every seal (0.07–0.74 s per 10M-packet import)
    /// and 32 never (docs/benchmarks.md, ingest11); with seals on their own thread the writes only pause for the
    /// device itself.
    /// </summary>
    private const int Chunks = 32;
    private const int QueueLength = 32;

    private readonly object _gate = new();
    private readonly OperationRing _writes = new(QueueLength);
    private readonly OperationRing _seals = new(QueueLength);
    private readonly Stack<DiskChunk> _freeChunks = new(Chunks);
    private readonly Thread _writeThread;
    private readonly Thread _sealThread;
    private readonly DiskQueueTimes _times = new();
    private long _queued;
    private long _done;
    private bool _closing;
    private bool _writesStopped;
    private Exception? _failure;

    private readonly bool _startWriteback;
    private readonly ImportBufferPool? _buffers;
    private bool _disposed;

    /// <param name="startWriteback">start the device writing each chunk as soon as it is in the page cache
    /// (<see cref="SegmentFileWrites.Buffered"/>); pointless for O_DIRECT files, whose writes wait for the device</param>
    /// <param name="buffers">where the chunks come from and go back to once the threads have stopped; null: allocated
    /// for this queue alone</param>
    /// <param name="threadCpus">the CPUs of the write and seal threads; null leaves them to the scheduler</param>
    public SegmentDiskQueue(string table, bool startWriteback = false, ImportBufferPool? buffers = null, CpuSet? threadCpus = null)
    {
        _startWriteback = startWriteback;
        _buffers = buffers;
        for (var i = 0; i < Chunks; i++)
            _freeChunks.Push(buffers?.TryRentChunk(ChunkBytes) ?? new DiskChunk(ChunkBytes));
        _writeThread = PlacedThread.Start("vnd-disk " + table, threadCpus, RunWrites);
        _sealThread = PlacedThread.Start("vnd-seal " + table, threadCpus, RunSeals);
    }

    /// <summary>Where the queue's time went so far (read after <see cref="Drain"/> for a whole import).</summary>
    public DiskQueueTimes Times => _times;

    /// <summary>A chunk to fill; handed back to the queue by <see cref="Write"/>. Waits while all are in flight.</summary>
    public DiskChunk RentChunk()
    {
        lock (_gate)
        {
            // A closed queue's chunks may belong to another import now (see Dispose).
            if (_closing)
                throw Closed();
            if (_freeChunks.Count == 0 && _failure is null)
            {
                var start = Stopwatch.GetTimestamp();
                while (_freeChunks.Count == 0 && _failure is null)
                    Monitor.Wait(_gate);
                _times.ChunkWaitTicks += Stopwatch.GetTimestamp() - start;
            }
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
            var start = Stopwatch.GetTimestamp();
            while (_done < target)
                Monitor.Wait(_gate);
            _times.DrainWaitTicks += Stopwatch.GetTimestamp() - start;
            ThrowIfFailed();
        }
    }

    /// <summary>
    /// Finishes the queued work (after a failure only the discards) and stops the threads; then gives the chunks back
    /// to the pool. Only those the threads finished with: a chunk the producer rented and never wrote is dropped.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _closing = true;
            Monitor.PulseAll(_gate);
        }
        _writeThread.Join();
        _sealThread.Join();
        // Both threads have ended, so no write can still be reading a chunk: they are free for another import.
        if (_buffers is not null)
        {
            while (_freeChunks.TryPop(out var chunk))
                _buffers.Return(chunk);
        }
    }

    private void Enqueue(in DiskOperation operation)
    {
        lock (_gate)
        {
            if (_closing)
                throw Closed();
            // A failed queue still takes discards (they clean up) but nothing that would write.
            if (operation.Kind != DiskOperationKind.Discard)
                ThrowIfFailed();
            while (_writes.IsFull)
                Monitor.Wait(_gate);
            _writes.Add(operation);
            _queued++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// The write thread: executes writes in order and passes everything else to the seal thread, so a seal reaches
    /// it only after the writes of its file.
    /// </summary>
    private void RunWrites()
    {
        try
        {
            while (true)
            {
                DiskOperation operation;
                bool failed;
                lock (_gate)
                {
                    while (_writes.IsEmpty && !_closing)
                        Monitor.Wait(_gate);
                    if (_writes.IsEmpty)
                        return;
                    operation = _writes.Take();
                    if (operation.Kind != DiskOperationKind.Write)
                    {
                        while (_seals.IsFull)
                            Monitor.Wait(_gate);
                        _seals.Add(operation);
                        Monitor.PulseAll(_gate);
                        continue;
                    }
                    failed = _failure is not null;
                    Monitor.PulseAll(_gate);
                }
                var error = failed ? null : Execute(in operation);
                Finish(in operation, error);
            }
        }
        finally
        {
            lock (_gate)
            {
                _writesStopped = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>The seal thread: seals, discards and manifests, in the order they were queued.</summary>
    private void RunSeals()
    {
        while (true)
        {
            DiskOperation operation;
            bool failed;
            lock (_gate)
            {
                while (_seals.IsEmpty && !_writesStopped)
                    Monitor.Wait(_gate);
                if (_seals.IsEmpty)
                    return;
                operation = _seals.Take();
                failed = _failure is not null;
                Monitor.PulseAll(_gate);
            }
            Exception? error = null;
            if (!failed || operation.Kind == DiskOperationKind.Discard)
                error = Execute(in operation);
            else
                operation.File?.Dispose();
            Finish(in operation, error);
        }
    }

    private Exception? Execute(in DiskOperation operation)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            switch (operation.Kind)
            {
                case DiskOperationKind.Write:
                    RandomAccess.Write(operation.File!, operation.Chunk!.Bytes[..operation.Length], operation.Offset);
                    if (_startWriteback)
                        LibC.StartWriteback(operation.File!, operation.Offset, operation.Length);
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
            return null;
        }
        catch (Exception e)
        {
            // Any failure, expected (I/O, permissions) or not, becomes the queue's failure, thrown to the producer:
            // an exception escaping a disk thread would end the whole server.
            // The file will not be sealed: close it so the discard (or recovery) can delete it.
            operation.File?.Dispose();
            return e;
        }
        finally
        {
            var elapsed = Stopwatch.GetTimestamp() - start;
            lock (_gate)
                _times.Add(operation.Kind == DiskOperationKind.Write, elapsed);
        }
    }

    private void Finish(in DiskOperation operation, Exception? error)
    {
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

    private static StorageException Closed() =>
        new(StorageErrorKind.InvalidUsage, "the table writer's disk queue is closed");

    private void ThrowIfFailed()
    {
        if (_failure is not null)
            throw new StorageException(StorageErrorKind.Io, $"writing the table's files failed: {_failure.Message}", _failure);
    }
}
