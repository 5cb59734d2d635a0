using Vnd.Capture.Fields;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Capture.Import.Columns;

/// <summary>Pairs a column's builder (chosen by storage from the column type) with the filler that reads its fields.</summary>
public static class ColumnFillerFactory
{
    public static ColumnFiller Create(FieldDescriptor[] fields, ColumnBuilder builder) => builder switch
    {
        Int64ColumnBuilder b => new Int64Filler(fields, b),
        Int32ColumnBuilder b => new Int32Filler(fields, b),
        Int16ColumnBuilder b => new Int16Filler(fields, b),
        TimestampColumnBuilder b => new TimestampFiller(fields, b, b.Type.Unit == TimeUnit.Nanosecond ? 1 : 1000),
        BoolColumnBuilder b => new BoolFiller(fields, b),
        Inet4ColumnBuilder b => new Inet4Filler(fields, b),
        InetColumnBuilder b => new InetFiller(fields, b),
        MacAddrColumnBuilder b => new MacFiller(fields, b),
        VariableWidthColumnBuilder b => new BytesFiller(fields, b),
        _ => throw new InvalidOperationException($"no filler for a {builder.Type.PgName} column"),
    };
}
