using System.IO.Pipelines;
using System.Net;
using Vnd.Wire.Hosting;

namespace Vnd.Wire.Tests.Fixture;

/// <summary>Runs one server connection over in-memory pipes: feed bytes, complete input, collect all output.</summary>
public sealed class InMemoryConnection(PgServer server, EndPoint remote)
{
    /// <summary>Sends <paramref name="input"/> (then end of stream) and returns the raw server output.</summary>
    public async Task<byte[]> RunRawAsync(byte[] input, TimeSpan? timeout = null)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var connection = server.HandleConnectionAsync(new DuplexPipe(toServer.Reader, toClient.Writer), remote);
        var drain = DrainAsync(toClient.Reader);
        await toServer.Writer.WriteAsync(input);
        await toServer.Writer.CompleteAsync();
        await connection.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        return await drain;
    }

    /// <summary>Like <see cref="RunRawAsync"/>, parsed as messages (for inputs that start with a StartupMessage).</summary>
    public async Task<List<RawMessage>> RunAsync(byte[] input) => Parse(await RunRawAsync(input));

    public static List<RawMessage> Parse(ReadOnlySpan<byte> output)
    {
        var messages = new List<RawMessage>();
        while (output.Length >= 5)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(output[1..]);
            if (length < 4 || output.Length < 1 + length)
            {
                break;
            }

            messages.Add(new RawMessage((char)output[0], output.Slice(5, length - 4).ToArray()));
            output = output[(1 + length)..];
        }

        return messages;
    }

    private static async Task<byte[]> DrainAsync(PipeReader reader)
    {
        using var all = new MemoryStream();
        while (true)
        {
            var result = await reader.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                all.Write(segment.Span);
            }

            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                await reader.CompleteAsync();
                return all.ToArray();
            }
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
