using System.Globalization;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Tests.CrashWriter;

// Usage: Vnd.Executor.Tests.CrashWriter <data directory>
// Appends rows to crash.packets, continuing after the rows already committed, until the process is killed.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Vnd.Executor.Tests.CrashWriter <data directory>");
    return 2;
}
var store = new TraceTableStore(args[0]);
var next = store.TableExists(CrashTable.Ref) ? store.RowCount(CrashTable.Ref) : 0;
using var writer = store.CreateWriter(CrashTable.Ref, CrashTable.Schema, CrashTable.Options);
var id = writer.GetBuilder<Int64ColumnBuilder>(0);
var ts = writer.GetBuilder<TimestampColumnBuilder>(1);
var src = writer.GetBuilder<Inet4ColumnBuilder>(2);
var note = writer.GetBuilder<TextColumnBuilder>(3);
Span<byte> text = stackalloc byte[32];
Console.WriteLine("writing from row " + next.ToString(CultureInfo.InvariantCulture));
Console.Out.Flush();
for (var row = next; ; row++)
{
    id.Append(row);
    ts.Append(CrashTable.Timestamp(row));
    src.Append(CrashTable.Source(row));
    if (CrashTable.NoteIsNull(row))
    {
        note.AppendNull();
    }
    else
    {
        "row "u8.CopyTo(text);
        row.TryFormat(text[4..], out var digits, default, CultureInfo.InvariantCulture);
        note.Append(text[..(4 + digits)]);
    }
    writer.EndRow();
}
