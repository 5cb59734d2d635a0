using System.Buffers;
using System.Runtime.CompilerServices;

namespace Vnd.Capture.Sources;

/// <summary>
/// The one read buffer of a capture reader. Reads the stream in large chunks and hands out spans into the
/// chunk; a record that straddles two chunks is moved to the front before the next chunk is appended, so the
/// buffer never grows and memory stays bounded whatever the file size.
/// </summary>
internal sealed class ChunkedInput : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _position;
    private int _end;
    private long _bufferOrigin;
    private bool _endOfStream;

    public ChunkedInput(Stream stream, int bufferSize, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>Largest count <see cref="Ensure"/> can satisfy.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>File offset of the next unconsumed byte.</summary>
    public long Offset => _bufferOrigin + _position;

    /// <summary>Bytes buffered and not yet consumed.</summary>
    public int Available => _end - _position;

    /// <summary>Makes at least <paramref name="count"/> bytes (at most <see cref="Capacity"/>) available; false
    /// when the stream ends first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Ensure(int count) => _end - _position >= count || Fill(count);

    /// <summary>The next <paramref name="length"/> unconsumed bytes; call <see cref="Ensure"/> first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Peek(int length) => new(_buffer, _position, length);

    /// <summary><paramref name="length"/> bytes starting <paramref name="start"/> bytes ahead.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Peek(int start, int length) => new(_buffer, _position + start, length);

    /// <summary>Consumes bytes made available by <see cref="Ensure"/>. Spans handed out stay valid until the
    /// next <see cref="Ensure"/> or <see cref="Skip"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => _position += count;

    /// <summary>Consumes <paramref name="count"/> bytes without keeping them (a block too big for the buffer);
    /// false when the stream ends first.</summary>
    public bool Skip(long count)
    {
        while (count > 0)
        {
            if (_position == _end && !Fill(1))
                return false;
            var take = (int)Math.Min(count, _end - _position);
            _position += take;
            count -= take;
        }
        return true;
    }

    private bool Fill(int count)
    {
        if (count > _buffer.Length)
            return false;
        var pending = _end - _position;
        if (_position > 0)
        {
            // Move the partial record to the front: at most one record is copied per chunk.
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, pending);
            _bufferOrigin += _position;
            _position = 0;
            _end = pending;
        }
        while (_end < count && !_endOfStream)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
                _endOfStream = true;
            else
                _end += read;
        }
        return _end >= count;
    }

    public void Dispose()
    {
        if (_buffer.Length != 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
        if (!_leaveOpen)
            _stream.Dispose();
    }
}
