using System.Buffers.Binary;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Hashing;

namespace Vnd.Executor.Tests.Operators.Hashing;

public sealed class KeyTableTests
{
    /// <summary>A GROUP BY key of one IPv4 column: a NULL flag byte, then the address (5 bytes, kept inline).</summary>
    private static byte[] Inet4Key(uint address, bool isNull)
    {
        var key = new byte[5];
        key[0] = isNull ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32LittleEndian(key.AsSpan(1), isNull ? 0 : address);
        return key;
    }

    private static ulong HashOf(byte[] key) => Hash.Finish(Hash.Bytes(key));

    [Fact]
    public void Short_keys_kept_inline_are_found_again_after_every_growth()
    {
        using var table = new KeyTable(5, MemoryBudget.Unlimited(), expected: 16);
        Assert.True(table.InlineKeys);
        const int keys = 50_000;
        for (uint a = 0; a < keys; a++)
        {
            var key = Inet4Key(a * 2654435761u, isNull: false);
            Assert.Equal((int)a, table.FindOrAdd(HashOf(key), key, out var added));
            Assert.True(added);
        }
        var nullKey = Inet4Key(0, isNull: true);
        Assert.Equal(keys, table.FindOrAdd(HashOf(nullKey), nullKey, out var nullAdded));
        Assert.True(nullAdded);
        for (uint a = 0; a < keys; a++)
        {
            var key = Inet4Key(a * 2654435761u, isNull: false);
            Assert.Equal((int)a, table.Find(HashOf(key), key));
            Assert.Equal(key, table.Key((int)a).ToArray());
        }
        // Address 0 and NULL differ only in the flag byte: distinct entries.
        Assert.Equal(keys, table.Find(HashOf(nullKey), nullKey));
        Assert.Equal(-1, table.Find(HashOf(Inet4Key(7, false)), Inet4Key(7, false)));
    }

    [Fact]
    public void A_packed_lookup_meets_the_entry_a_byte_lookup_added()
    {
        using var table = new KeyTable(5, MemoryBudget.Unlimited());
        var key = Inet4Key(0x0A000007, isNull: false);
        var entry = table.FindOrAdd(HashOf(key), key, out _);
        ulong packed = 0;
        key.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<ulong>(ref packed)));
        Assert.Equal(entry, table.FindOrAdd(HashOf(key), packed, key, out var added));
        Assert.False(added);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Keys_wider_than_eight_bytes_are_not_inline()
    {
        using var table = new KeyTable(9, MemoryBudget.Unlimited());
        Assert.False(table.InlineKeys);
        var key = new byte[9];
        key[8] = 3;
        var other = new byte[9];
        other[8] = 4;
        var a = table.FindOrAdd(HashOf(key), key, out _);
        var b = table.FindOrAdd(HashOf(other), other, out _);
        Assert.NotEqual(a, b);
        Assert.Equal(a, table.Find(HashOf(key), key));
    }

    /// <summary>
    /// Tables rent their arrays from the shared pool: a table built after another was disposed (the next query, or
    /// the next partition) must never see the first one's keys, whatever width its keys have, and a disposed table
    /// answers "absent" rather than reading arrays another table now owns.
    /// </summary>
    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(-1)]
    public void A_table_on_returned_arrays_starts_empty_and_a_disposed_one_finds_nothing(int width)
    {
        // Distinct keys: the value's 8 bytes, padded to the width (variable width: 0-4 more bytes).
        static byte[] Key(long value, int width)
        {
            var key = new byte[width < 0 ? 8 + (int)(value % 5) : width];
            BinaryPrimitives.WriteInt64LittleEndian(key, value);
            return key;
        }
        var first = new KeyTable(width, MemoryBudget.Unlimited(), expected: 4096);
        for (var v = 0L; v < 20_000; v++)
            first.FindOrAdd(HashOf(Key(v, width)), Key(v, width), out _);
        Assert.Equal(5, first.Find(HashOf(Key(5, width)), Key(5, width)));
        first.Dispose();
        first.Dispose();
        Assert.Equal(-1, first.Find(HashOf(Key(5, width)), Key(5, width)));

        using var second = new KeyTable(width, MemoryBudget.Unlimited(), expected: 4096);
        for (var v = 0L; v < 20_000; v++)
            Assert.Equal(-1, second.Find(HashOf(Key(v, width)), Key(v, width)));
        for (var v = 100_000L; v < 103_000; v++)
            Assert.Equal((int)(v - 100_000), second.FindOrAdd(HashOf(Key(v, width)), Key(v, width), out _));
        Assert.Equal(3_000, second.Count);
    }
}
