using Vnd.Capture.Decoding;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// What <see cref="CommonFrameRows"/> keeps of a staged frame besides its first bytes: the record's fields and the
/// stage row the frame is (rows of other frames are staged decoded, in between). One struct per frame, not an array
/// per field: staging a frame then loads one array reference (and null-checks it) instead of six, in the per-packet
/// loop that is most of an import's time.
/// </summary>
internal readonly record struct StagedFrame(long TimestampNanos, int Row, int OriginalLength, int CapturedLength, int InterfaceId, CommonFrameKind Kind);
