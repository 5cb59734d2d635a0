using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Apache.Arrow;

namespace Vnd.Executor.Remote;

/// <summary>
/// A trace table's listing stamp: a 64-bit fingerprint of its schema, name and manifest (write time and length),
/// the same facts the catalog version is made of, per table. A control server that relists a table server sends
/// the stamps of the tables it already holds as the ListFlights criteria, and the table server describes only the
/// tables whose stamp it does not find there; the others come back as bare "unchanged" entries. With thousands of
/// tables on one hypervisor and a manifest sealed every few seconds during capture, relisting costs a stat per table
/// instead of opening and describing every one of them on both sides.
/// </summary>
public static class TableStamp
{
    /// <summary>The criteria prefix: anything else (an empty criteria, another client's) means "describe every table".</summary>
    private static ReadOnlySpan<byte> Prefix => "vnd.known/1\n"u8;

    public static ulong Of(string schema, string table, DateTime written, long length)
    {
        // Names are at most 200 characters (TableRef), so the UTF-8 text fits a stack buffer: no allocation per table.
        var size = Encoding.UTF8.GetMaxByteCount(schema.Length + table.Length) + 2 + 16;
        var rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        var buffer = rented is null ? stackalloc byte[size] : rented.AsSpan(0, size);
        var at = Encoding.UTF8.GetBytes(schema, buffer);
        buffer[at++] = 0;
        at += Encoding.UTF8.GetBytes(table, buffer[at..]);
        buffer[at++] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], written.Ticks);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[(at + 8)..], length);
        var stamp = XxHash64.HashToUInt64(buffer[..(at + 16)]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
        return stamp;
    }

    /// <summary>The ListFlights criteria naming the stamps a caller already holds.</summary>
    public static byte[] Criteria(IReadOnlyCollection<ulong> stamps)
    {
        var criteria = new byte[Prefix.Length + 8 * stamps.Count];
        Prefix.CopyTo(criteria);
        var at = Prefix.Length;
        foreach (var stamp in stamps)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(criteria.AsSpan(at), stamp);
            at += 8;
        }
        return criteria;
    }

    /// <summary>The stamps a ListFlights criteria names; empty for any criteria not made by <see cref="Criteria"/>.</summary>
    public static HashSet<ulong> Known(ReadOnlySpan<byte> criteria)
    {
        var known = new HashSet<ulong>();
        if (!criteria.StartsWith(Prefix) || (criteria.Length - Prefix.Length) % 8 != 0)
            return known;
        for (var at = Prefix.Length; at < criteria.Length; at += 8)
            known.Add(BinaryPrimitives.ReadUInt64LittleEndian(criteria[at..]));
        return known;
    }

    /// <summary>The stamp a listed table carries (schema metadata), or null from a server that sends none.</summary>
    public static ulong? Read(Schema schema) =>
        schema.Metadata is { } metadata && metadata.TryGetValue(TableServerProtocol.StampKey, out var text)
            && ulong.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var stamp)
            ? stamp : null;

    public static string Format(ulong stamp) => stamp.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Whether a listed entry is a bare "unchanged" entry rather than a description.</summary>
    public static bool IsUnchanged(Schema schema) =>
        schema.Metadata is { } metadata && metadata.ContainsKey(TableServerProtocol.UnchangedKey);
}
