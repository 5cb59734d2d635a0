using Microsoft.Win32.SafeHandles;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>What the disk threads of a <see cref="SegmentDiskQueue"/> do, one step at a time.</summary>
internal enum DiskOperationKind : byte
{
    Write,
    Seal,
    Discard,
    Publish,
}

/// <summary>One queued step: a chunk to write at an offset, a file to seal or discard, or a manifest to publish.</summary>
internal readonly record struct DiskOperation(DiskOperationKind Kind, SafeFileHandle? File, DiskChunk? Chunk, int Length, long Offset,
    string? Path, string? FinalPath, TableManifest? Manifest);
