using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Vnd.Capture.Sources;

/// <summary>
/// The bytes of a capture as the readers see them: a window of the file that holds the next unconsumed bytes,
/// made to hold at least a given count by <see cref="Fill"/> (a read into a buffer, or a new mapping of the file).
/// The window is reached through a pointer so that <see cref="Peek(int)"/> is the same few instructions for both
/// kinds, and the per-record calls stay inlined and non-virtual; only refilling is virtual.
/// </summary>
internal abstract unsafe class CaptureInput : IDisposable
{
    /// <summary>The window's first byte: pinned or mapped memory that stays put until the next <see cref="Fill"/>.</summary>
    private protected byte* Window;
    private protected int Position;
    private protected int End;
    /// <summary>File offset of the window's first byte.</summary>
    private protected long WindowOrigin;

    /// <summary>Largest count <see cref="Ensure"/> can satisfy.</summary>
    public abstract int Capacity { get; }

    /// <summary>File offset of the next unconsumed byte.</summary>
    public long Offset => WindowOrigin + Position;

    /// <summary>Bytes in the window and not yet consumed.</summary>
    public int Available => End - Position;

    /// <summary>Makes at least <paramref name="count"/> bytes (at most <see cref="Capacity"/>) available; false
    /// when the data ends first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Ensure(int count) => End - Position >= count || Fill(count);

    /// <summary>The next <paramref name="length"/> unconsumed bytes; <see cref="Ensure"/> them first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Peek(int length) => Peek(0, length);

    /// <summary><paramref name="length"/> bytes starting <paramref name="start"/> bytes ahead; the caller has
    /// <see cref="Ensure"/>d <paramref name="start"/> + <paramref name="length"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Peek(int start, int length)
    {
        // A caller that did not ensure the bytes gets an exception, never bytes outside the window.
        if ((uint)start > (uint)Available || (uint)length > (uint)(Available - start))
            ThrowOutsideWindow();
        return new ReadOnlySpan<byte>(Window + Position + start, length);
    }

    /// <summary>
    /// The next unconsumed byte, unchecked: for a reader that has just <see cref="Ensure"/>d the bytes it reads from
    /// here (the classic pcap reader, per record). <see cref="Peek(int, int)"/> tests the window again on each call,
    /// which the JIT cannot prove redundant after Ensure (the window lives in fields): two tests per record.
    /// </summary>
    public ref byte Next
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref *(Window + Position);
    }

    /// <summary>
    /// Asks for the cache line <paramref name="ahead"/> bytes past the next unconsumed byte to be loaded now: a
    /// record's first loads otherwise wait for memory (perf put ~30 % of the import loop's samples on them, the
    /// hardware prefetcher not keeping up with a stream another thread filled). Only a hint: a prefetch never
    /// faults, so an address past the window (or the data) is harmless.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int ahead)
    {
        if (Sse.IsSupported)
            Sse.Prefetch0(Window + Position + ahead);
    }

    /// <summary>Consumes bytes made available by <see cref="Ensure"/>. Spans handed out stay valid until the
    /// next <see cref="Ensure"/> or <see cref="Skip"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => Position += count;

    /// <summary>Consumes <paramref name="count"/> bytes without keeping them (a block too big for the window);
    /// false when the data ends first.</summary>
    public bool Skip(long count)
    {
        while (count > 0)
        {
            if (Position == End && !Fill(1))
                return false;
            var take = (int)Math.Min(count, End - Position);
            Position += take;
            count -= take;
        }
        return true;
    }

    /// <summary>
    /// Moves the window so that it starts at (or just before) <see cref="Offset"/> and holds
    /// <paramref name="count"/> bytes from there, or as many as the data has; false when that is fewer.
    /// </summary>
    private protected abstract bool Fill(int count);

    public abstract void Dispose();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutsideWindow() =>
        throw new InvalidOperationException("bytes past those ensured were asked of the capture input");
}
