using System.Buffers;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;

namespace Vnd.Engine.Sessions;

/// <summary>
/// <c>COPY table FROM STDIN (FORMAT pcap)</c>: a capture the tenant already has becomes the input of the capture
/// point that fills <c>table</c> (issue 5 §2, offline diagnosis). The bytes go to a temporary file as they arrive —
/// never held in memory, at most <paramref name="maxBytes"/> — and are imported when the client ends the copy, by
/// the same importer as <c>vnd import</c> (so a torn or foreign file gets the same clear error).
/// </summary>
public sealed class PcapCopyIn(Func<string, long> attach, long maxBytes) : PgCopyInResult
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "vnd-copy-" + Guid.NewGuid().ToString("N") + ".pcap");
    private FileStream? _file;
    private long _bytes;

    /// <summary>psql's <c>\copy … from file</c> and Npgsql's raw binary copy both send the file's bytes as they are.</summary>
    public override bool Binary => true;

    public override int ColumnCount => 1;

    public override async ValueTask ReceiveAsync(ReadOnlySequence<byte> data, CancellationToken cancellationToken)
    {
        _bytes += data.Length;
        if (_bytes > maxBytes)
        {
            await DiscardAsync().ConfigureAwait(false);
            throw new PgErrorException("54000", $"COPY FROM STDIN (FORMAT pcap) is limited to {maxBytes:N0} bytes");
        }
        _file ??= new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        foreach (var segment in data)
            await _file.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask<string> CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_file is null)
                throw new PgErrorException("22P04", "COPY FROM STDIN (FORMAT pcap) received no data");
            await _file.DisposeAsync().ConfigureAwait(false);
            _file = null;
            return $"COPY {attach(_path)}";
        }
        finally
        {
            await DiscardAsync().ConfigureAwait(false);
        }
    }

    public override ValueTask FailAsync(string reason) => DiscardAsync();

    /// <summary>A connection that drops mid-copy leaves no temporary file behind.</summary>
    public override async ValueTask DisposeAsync()
    {
        await DiscardAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask DiscardAsync()
    {
        if (_file is not null)
            await _file.DisposeAsync().ConfigureAwait(false);
        _file = null;
        File.Delete(_path);
    }
}
