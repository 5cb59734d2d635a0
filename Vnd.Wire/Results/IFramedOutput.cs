namespace Vnd.Wire.Results;

/// <summary>
/// Raw access to a connection's output for an engine that frames whole messages itself: a batch of DataRows or
/// CopyData rows is written straight into the pipe's buffer, with no intermediate row buffer and no call per value.
/// The engine writes complete messages only and commits them with <see cref="Advance"/>; nothing it has not
/// advanced reaches the client, so a row abandoned by an error is never seen.
/// </summary>
public interface IFramedOutput
{
    /// <summary>A buffer of at least <paramref name="sizeHint"/> bytes to write complete messages into.</summary>
    Span<byte> GetSpan(int sizeHint);

    /// <summary>Commits <paramref name="bytes"/> of the last span: complete messages holding <paramref name="rows"/> rows.</summary>
    void Advance(int bytes, int rows);
}
