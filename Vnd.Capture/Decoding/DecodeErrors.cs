namespace Vnd.Capture.Decoding;

/// <summary>Groups of <see cref="DecodeErrorKind"/> bits.</summary>
public static class DecodeErrors
{
    /// <summary>Kinds that mean bytes were missing rather than wrong: they make <c>vnd.truncated</c> true.</summary>
    public const ulong TruncationMask =
        1UL << (int)DecodeErrorKind.TruncatedLinkHeader | 1UL << (int)DecodeErrorKind.TruncatedEthernet
        | 1UL << (int)DecodeErrorKind.TruncatedVlan | 1UL << (int)DecodeErrorKind.TruncatedLlc
        | 1UL << (int)DecodeErrorKind.TruncatedMpls | 1UL << (int)DecodeErrorKind.TruncatedIpv4
        | 1UL << (int)DecodeErrorKind.TruncatedIpv6 | 1UL << (int)DecodeErrorKind.TruncatedExtensionHeader
        | 1UL << (int)DecodeErrorKind.TruncatedTcp | 1UL << (int)DecodeErrorKind.TruncatedUdp
        | 1UL << (int)DecodeErrorKind.TruncatedIcmp | 1UL << (int)DecodeErrorKind.TruncatedArp
        | 1UL << (int)DecodeErrorKind.DnsTruncated | 1UL << (int)DecodeErrorKind.TruncatedTunnel
        | 1UL << (int)DecodeErrorKind.SnaplenCut;

    public static ulong Bit(DecodeErrorKind kind) => 1UL << (int)kind;
}
