using System.Buffers;
using System.Text;
using Vnd.Wire.Handlers;
using Vnd.Wire.Results;

namespace Vnd.Wire.Tests.Fixture;

public enum CopyOutFormat
{
    Text,
    Csv,
    Binary,
}

/// <summary>COPY ... TO STDOUT of three rows (n int4, label text) in text, CSV or binary COPY format.</summary>
public sealed class CopyOutRows(CopyOutFormat format) : PgCopyOutResult
{
    private static readonly string[] Labels = ["one", "two words", "tab\there"];

    /// <summary>PGCOPY signature "PGCOPY\n\377\r\n\0", int32 flags, int32 header-extension length.</summary>
    private static readonly byte[] BinaryHeader =
        [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public override bool Binary => format == CopyOutFormat.Binary;

    public override int ColumnCount => 2;

    public override ValueTask<bool> WriteAsync(CopyDataWriter writer, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Labels.Length; i++)
        {
            var n = i + 1;
            switch (format)
            {
                case CopyOutFormat.Text:
                    writer.WriteRow(Encoding.UTF8.GetBytes($"{n}\t{Labels[i].Replace("\t", "\\t", StringComparison.Ordinal)}\n"));
                    break;
                case CopyOutFormat.Csv:
                    writer.WriteRow(Encoding.UTF8.GetBytes($"{n},{(Labels[i].Contains(' ', StringComparison.Ordinal) ? "\"" + Labels[i] + "\"" : Labels[i])}\n"));
                    break;
                default:
                    var label = Encoding.UTF8.GetBytes(Labels[i]);
                    // Like PostgreSQL, the header travels in the first row's CopyData (Npgsql's exporter relies on it).
                    var header = i == 0 ? BinaryHeader : [];
                    var row = new byte[header.Length + 2 + 4 + 4 + 4 + label.Length];
                    header.CopyTo(row, 0);
                    var tuple = row.AsSpan(header.Length);
                    System.Buffers.Binary.BinaryPrimitives.WriteInt16BigEndian(tuple, 2);
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(tuple[2..], 4);
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(tuple[6..], n);
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(tuple[10..], label.Length);
                    label.CopyTo(tuple[14..]);
                    writer.WriteRow(row);
                    break;
            }
        }

        if (format == CopyOutFormat.Binary)
        {
            writer.Write([0xff, 0xff]);
        }

        return ValueTask.FromResult(false);
    }
}

/// <summary>COPY sink FROM STDIN: keeps the bytes and reports the number of lines.</summary>
public sealed class CopyInSink(FixtureHandler handler) : PgCopyInResult
{
    private readonly ArrayBufferWriter<byte> _data = new();

    public override bool Binary => false;

    public override int ColumnCount => 1;

    public override ValueTask ReceiveAsync(ReadOnlySequence<byte> data, CancellationToken cancellationToken)
    {
        foreach (var segment in data)
        {
            _data.Write(segment.Span);
        }

        return default;
    }

    public override ValueTask<string> CompleteAsync(CancellationToken cancellationToken)
    {
        handler.CopiedIn.Enqueue(_data.WrittenSpan.ToArray());
        return ValueTask.FromResult("COPY " + _data.WrittenSpan.Count((byte)'\n'));
    }

    public override ValueTask FailAsync(string reason) => default;
}
