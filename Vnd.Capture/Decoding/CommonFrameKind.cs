namespace Vnd.Capture.Decoding;

/// <summary>
/// The shapes <see cref="CommonFrameDecoder"/> decodes in a straight line. Every field before the TCP options sits at
/// a fixed offset of the frame, so the importer's row path can read such columns from the frame bytes directly
/// (<see cref="CommonFrameDecoder.Classify"/>); the option fields themselves are only read by decoding.
/// </summary>
internal enum CommonFrameKind : byte
{
    /// <summary>Ethernet II + IPv4 (no options) + TCP with a 20-byte header (no options).</summary>
    Tcp = 0,
    /// <summary>Ethernet II + IPv4 (no options) + UDP on a port that announces nothing (no tunnel, no DNS).</summary>
    Udp = 1,
    /// <summary>As <see cref="Tcp"/>, with TCP options (decoded by <see cref="TcpOptionsDecoder"/>, which may flag errors).</summary>
    TcpWithOptions = 2,
    /// <summary>Anything else: the general decoder's.</summary>
    None = 3,
}
