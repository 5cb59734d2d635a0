using Vnd.Executor.Storage;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.CrashWriter;

/// <summary>
/// The table the crash writer fills and the crash test verifies. Every value is a function of the row's
/// position in the table, so a reader can tell whether the visible rows are exactly a prefix of what
/// was written.
/// </summary>
public static class CrashTable
{
    public static readonly TableRef Ref = new("crash", "packets");

    public static readonly TableSchema Schema = new(
    [
        new ColumnSchema("id", SqlType.Int8),
        new ColumnSchema("ts", SqlType.TimestampTzNanos),
        new ColumnSchema("src", SqlType.Inet4),
        new ColumnSchema("note", SqlType.Text),
    ]);

    public static readonly TraceTableWriterOptions Options = new() { RowsPerBatch = 250, RowsPerSegment = 1000 };

    public static long Timestamp(long id) => 1_700_000_000_000_000_000 + id * 997;

    public static uint Source(long id) => (uint)(id * 2654435761);

    /// <summary>Every fifth note is null.</summary>
    public static bool NoteIsNull(long id) => id % 5 == 4;

    public static string Note(long id) => "row " + id;
}
