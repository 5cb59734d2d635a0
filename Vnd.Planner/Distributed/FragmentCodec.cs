namespace Vnd.Planner.Distributed;

/// <summary>
/// The compact, versioned binary form of a <see cref="FragmentTicket"/> that travels in an Arrow Flight ticket:
/// "VNDF", a version byte, then the ticket. The logical plan itself is encoded, not SQL text: a fragment is
/// often not expressible as SQL (exchange inputs, shipped key columns, decorrelated anti joins), and re-binding
/// text at the table server would re-run name resolution against a catalog that may differ from the
/// coordinator's. Column ids travel too, so the consumer's plan refers to the producer's columns unchanged.
/// </summary>
public static class FragmentCodec
{
    public const byte Version = 4; // 3: the coordinator's statement times (StatementTimes); 4: with the session's TimeZone
    private static ReadOnlySpan<byte> Magic => "VNDF"u8;

    public static byte[] Encode(FragmentTicket ticket)
    {
        var writer = new FragmentWriter();
        foreach (var b in Magic)
            writer.Byte(b);
        writer.Byte(Version);
        writer.Ticket(ticket);
        return writer.ToArray();
    }

    public static FragmentTicket Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < Magic.Length + 1 || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new FragmentFormatException("not a VND plan fragment (bad magic)");
        if (data[Magic.Length] != Version)
            throw new FragmentFormatException($"plan fragment version {data[Magic.Length]} is not supported (this server reads version {Version})");
        var reader = new FragmentReader(data, Magic.Length + 1);
        var ticket = reader.Ticket();
        if (!reader.AtEnd)
            throw reader.Fail("trailing bytes after the fragment");
        return ticket;
    }
}
