using System.Buffers.Binary;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>Why a site's half of a decomposed aggregate cannot be used; anything but <see cref="Usable"/> means the fallback.</summary>
internal enum PartialStatus : byte
{
    Usable = 0,
    /// <summary>A key occurs more than once at a site (or the peel showed one the other site has several times).</summary>
    DuplicateKeys = 1,
    /// <summary>A matched row has a NULL term or a timestamp below the microsecond.</summary>
    UnusableTerm = 2,
    /// <summary>Neither the sketch nor the retry of twice the cells peeled.</summary>
    NotPeeled = 3,
}

/// <summary>One term's sum, minimum and maximum over a site's matched rows (min &gt; max when none matched).</summary>
internal struct TermSummary
{
    public Int128 Sum;
    public long Min;
    public long Max;

    public static TermSummary Empty => new() { Min = long.MaxValue, Max = long.MinValue };

    public void Add(long value)
    {
        Sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }
}

/// <summary>
/// The summary row a <see cref="ReconciledPartialOperator"/> sends: status, its rows with a non-NULL key, how many of
/// its keys only it has, how many only the other site has (the key rows that follow), and per term the
/// <see cref="TermSummary"/> over its matched rows. Little-endian; read defensively (it comes off the network).
/// </summary>
internal sealed record PartialSummary(PartialStatus Status, long Rows, long OnlyHere, long OnlyThere, TermSummary[] Terms)
{
    private const int FixedBytes = 29;
    private const int TermBytes = 32;

    public int Bytes => FixedBytes + (TermBytes * Terms.Length);

    public void WriteTo(Span<byte> into)
    {
        into[0] = (byte)Status;
        BinaryPrimitives.WriteInt64LittleEndian(into[1..], Rows);
        BinaryPrimitives.WriteInt64LittleEndian(into[9..], OnlyHere);
        BinaryPrimitives.WriteInt64LittleEndian(into[17..], OnlyThere);
        BinaryPrimitives.WriteInt32LittleEndian(into[25..], Terms.Length);
        for (var t = 0; t < Terms.Length; t++)
        {
            var term = into[(FixedBytes + (t * TermBytes))..];
            BinaryPrimitives.WriteInt128LittleEndian(term, Terms[t].Sum);
            BinaryPrimitives.WriteInt64LittleEndian(term[16..], Terms[t].Min);
            BinaryPrimitives.WriteInt64LittleEndian(term[24..], Terms[t].Max);
        }
    }

    /// <summary>The summary in <paramref name="from"/>, or null when it is not one.</summary>
    public static PartialSummary? Read(ReadOnlySpan<byte> from)
    {
        if (from.Length < FixedBytes || from[0] > (byte)PartialStatus.NotPeeled)
            return null;
        var count = BinaryPrimitives.ReadInt32LittleEndian(from[25..]);
        if (count < 0 || count > (from.Length - FixedBytes) / TermBytes || from.Length != FixedBytes + (count * TermBytes))
            return null;
        var terms = new TermSummary[count];
        for (var t = 0; t < count; t++)
        {
            var term = from[(FixedBytes + (t * TermBytes))..];
            terms[t] = new TermSummary
            {
                Sum = BinaryPrimitives.ReadInt128LittleEndian(term),
                Min = BinaryPrimitives.ReadInt64LittleEndian(term[16..]),
                Max = BinaryPrimitives.ReadInt64LittleEndian(term[24..]),
            };
        }
        var (rows, onlyHere, onlyThere) = (BinaryPrimitives.ReadInt64LittleEndian(from[1..]), BinaryPrimitives.ReadInt64LittleEndian(from[9..]),
            BinaryPrimitives.ReadInt64LittleEndian(from[17..]));
        return rows >= 0 && onlyHere >= 0 && onlyHere <= rows && onlyThere >= 0
            ? new PartialSummary((PartialStatus)from[0], rows, onlyHere, onlyThere, terms)
            : null;
    }
}
