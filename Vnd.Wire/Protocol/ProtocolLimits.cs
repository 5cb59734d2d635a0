namespace Vnd.Wire.Protocol;

/// <summary>Message size limits, checked on the length word before any body byte is awaited.</summary>
public static class ProtocolLimits
{
    /// <summary>libpq/PostgreSQL MAX_STARTUP_PACKET_LENGTH: the untagged startup packet may not exceed this.</summary>
    public const int MaxStartupPacketLength = 10_000;

    /// <summary>
    /// Default cap for one tagged message after startup. PostgreSQL allows up to 1 GB (PQ_LARGE_MESSAGE_LIMIT);
    /// we default to 64 MiB because a whole message is buffered before it is handled, so the cap bounds the
    /// memory one connection can pin. COPY streams its data as many CopyData messages and is unaffected.
    /// </summary>
    public const int DefaultMaxMessageLength = 64 * 1024 * 1024;

    /// <summary>Limit for authentication messages (PostgreSQL uses PG_MAX_AUTH_TOKEN_LENGTH = 65535).</summary>
    public const int MaxAuthMessageLength = 65_535;

    /// <summary>Header of a tagged message: tag byte + int32 length.</summary>
    public const int TaggedHeaderLength = 5;
}
