namespace Vnd.Capture.Sources;

/// <summary>
/// The one read buffer of a capture reader over a stream. Reads the stream in large chunks and hands out spans
/// into the chunk; a record that straddles two chunks is moved to the front before the next chunk is appended, so
/// the buffer never grows and memory stays bounded whatever the file size.
/// </summary>
internal sealed unsafe class ChunkedInput : CaptureInput
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    /// <summary>Pinned (allocated so), so that the window pointer stays valid.</summary>
    private byte[] _buffer;
    private bool _endOfStream;

    public ChunkedInput(Stream stream, int bufferSize, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = GC.AllocateUninitializedArray<byte>(bufferSize, pinned: true);
        Window = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref _buffer[0]);
    }

    public override int Capacity => _buffer.Length;

    private protected override bool Fill(int count)
    {
        if (count > _buffer.Length)
            return false;
        var pending = End - Position;
        if (Position > 0)
        {
            // Move the partial record to the front: at most one record is copied per chunk.
            Buffer.BlockCopy(_buffer, Position, _buffer, 0, pending);
            WindowOrigin += Position;
            Position = 0;
            End = pending;
        }
        while (End < count && !_endOfStream)
        {
            var read = _stream.Read(_buffer, End, _buffer.Length - End);
            if (read == 0)
                _endOfStream = true;
            else
                End += read;
        }
        return End >= count;
    }

    public override void Dispose()
    {
        if (_buffer.Length != 0)
        {
            // The window no longer points anywhere: Available is 0, so no Peek can reach the old buffer.
            Position = End = 0;
            _buffer = [];
        }
        if (!_leaveOpen)
            _stream.Dispose();
    }
}
