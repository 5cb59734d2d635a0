using System.Buffers;
using System.IO.Pipelines;
using Vnd.Wire.Protocol.Frontend;

namespace Vnd.Wire.Connection;

/// <summary>
/// Pulls one complete message at a time from the connection's pipe. The returned message stays valid until the
/// next call, which first advances past it; an incomplete read always ends in AdvanceTo(consumed, examined =
/// end) in a finally block so the pipe waits for more bytes instead of spinning.
/// </summary>
internal sealed class FrontendReader
{
    private PipeReader _input;
    private bool _holding;
    private SequencePosition _next;

    public FrontendReader(PipeReader input) => _input = input;

    /// <summary>Bytes already buffered after the current message (the CVE-2021-23214 check needs it).</summary>
    public long BufferedAfterCurrent { get; private set; }

    public ValueTask<FrontendMessage?> ReadAsync(int maxLength, CancellationToken cancellationToken) =>
        ReadCoreAsync<TaggedFrame, FrontendMessage>(maxLength, cancellationToken);

    public ValueTask<StartupPacket?> ReadStartupAsync(CancellationToken cancellationToken) =>
        ReadCoreAsync<StartupFrame, StartupPacket>(0, cancellationToken);

    /// <summary>Reads until one frame parses; null at end of input (a truncated frame counts as end).</summary>
    private async ValueTask<T?> ReadCoreAsync<TFrame, T>(int maxLength, CancellationToken cancellationToken)
        where TFrame : struct, IFrame<T>
        where T : struct
    {
        while (true)
        {
            var result = await ReadBufferAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var found = false;
            try
            {
                var reader = new SequenceReader<byte>(buffer);
                if (TFrame.TryRead(ref reader, maxLength, out var message))
                {
                    found = true;
                    Hold(reader);
                    return message;
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    return null;
                }
            }
            finally
            {
                if (!found)
                {
                    _input.AdvanceTo(buffer.Start, buffer.End);
                }
            }
        }
    }

    /// <summary>Advances past the held message (before switching transports or closing).</summary>
    public void Release()
    {
        if (_holding)
        {
            _holding = false;
            _input.AdvanceTo(_next, _next);
        }
    }

    /// <summary>Continues on a new pipe (after the TLS handshake).</summary>
    public void Replace(PipeReader input)
    {
        Release();
        _input = input;
    }

    private ValueTask<ReadResult> ReadBufferAsync(CancellationToken cancellationToken)
    {
        Release();
        return _input.ReadAsync(cancellationToken);
    }

    private void Hold(in SequenceReader<byte> reader)
    {
        _holding = true;
        _next = reader.Position;
        BufferedAfterCurrent = reader.Remaining;
    }

    /// <summary>Static dispatch to a frame parser without delegates (struct-constrained generic).</summary>
    private interface IFrame<T>
    {
        static abstract bool TryRead(ref SequenceReader<byte> reader, int maxLength, out T frame);
    }

    private readonly struct TaggedFrame : IFrame<FrontendMessage>
    {
        public static bool TryRead(ref SequenceReader<byte> reader, int maxLength, out FrontendMessage frame) =>
            FrontendMessage.TryRead(ref reader, maxLength, out frame);
    }

    private readonly struct StartupFrame : IFrame<StartupPacket>
    {
        public static bool TryRead(ref SequenceReader<byte> reader, int maxLength, out StartupPacket frame) =>
            StartupPacket.TryRead(ref reader, out frame);
    }
}
