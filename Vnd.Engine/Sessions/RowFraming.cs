namespace Vnd.Engine.Sessions;

/// <summary>How <see cref="WireRowEncoder"/> frames each row of a result.</summary>
public enum RowFraming : byte
{
    /// <summary>A DataRow message: int16 count, then int32 length + value per column (text or binary per column).</summary>
    DataRow,

    /// <summary>
    /// A CopyData message holding one tuple of binary COPY: the same body as a binary DataRow (int16 count, int32
    /// length + send() bytes, -1 for NULL), which is why one encoder serves both.
    /// </summary>
    CopyBinary,

    /// <summary>A CopyData message holding one line of text COPY: delimited, backslash-escaped, <c>\N</c> for NULL.</summary>
    CopyText,

    /// <summary>A CopyData message holding one CSV line: delimited, quoted when needed, empty for NULL.</summary>
    CopyCsv,
}
