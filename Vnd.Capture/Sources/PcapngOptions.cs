namespace Vnd.Capture.Sources;

/// <summary>
/// Walks the options of a pcapng block (code, length, value padded to 4 bytes). An option whose length runs past
/// the block sets <see cref="Malformed"/> and ends the walk instead of reading outside the block.
/// </summary>
internal ref struct PcapngOptions
{
    public const ushort EndOfOptions = 0;
    public const ushort InterfaceTimestampResolution = 9;
    public const ushort InterfaceTimestampOffset = 14;

    private readonly ReadOnlySpan<byte> _options;
    private readonly bool _bigEndian;
    private int _position;

    public PcapngOptions(ReadOnlySpan<byte> options, bool bigEndian)
    {
        _options = options;
        _bigEndian = bigEndian;
    }

    /// <summary>True when an option claimed more bytes than the block has left.</summary>
    public bool Malformed { get; private set; }

    public bool TryNext(out ushort code, out ReadOnlySpan<byte> value)
    {
        value = default;
        code = EndOfOptions;
        var remaining = _options.Length - _position;
        if (remaining < 4)
        {
            // 1-3 stray bytes cannot hold an option header; a well-formed block never has them.
            Malformed |= remaining != 0;
            return false;
        }
        code = ByteOrder.U16(_options[_position..], _bigEndian);
        var length = ByteOrder.U16(_options[(_position + 2)..], _bigEndian);
        if (code == EndOfOptions)
            return false;
        var padded = (length + 3) & ~3;
        if (padded > remaining - 4)
        {
            Malformed = true;
            return false;
        }
        value = _options.Slice(_position + 4, length);
        _position += 4 + padded;
        return true;
    }

    /// <summary>Walks every option; true when they all fit in the block.</summary>
    public static bool AllFit(ReadOnlySpan<byte> options, bool bigEndian)
    {
        var walker = new PcapngOptions(options, bigEndian);
        while (walker.TryNext(out _, out _))
        {
        }
        return !walker.Malformed;
    }
}
