using Vnd.Capture.Fields;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Capture.Import.Columns;

/// <summary>Pairs a column's builder (chosen by storage from the column type) with the filler that reads its fields.</summary>
internal static class ColumnFillerFactory
{
    public static ColumnFiller Create(FieldDescriptor[] fields, ColumnBuilder builder) => builder switch
    {
        Int64ColumnBuilder b => new IntegerFiller<long>(fields, b),
        Int32ColumnBuilder b => new IntegerFiller<int>(fields, b),
        Int16ColumnBuilder b => new IntegerFiller<short>(fields, b),
        TimestampColumnBuilder b => new TimestampFiller(fields, b, b.Type.Unit == TimeUnit.Nanosecond),
        BoolColumnBuilder b => new BoolFiller(fields, b),
        Inet4ColumnBuilder b => new Inet4Filler(fields, b),
        InetColumnBuilder b => new InetFiller(fields, b),
        MacAddrColumnBuilder b => new MacFiller(fields, b),
        VariableWidthColumnBuilder b => new BytesFiller(fields, b),
        _ => throw new InvalidOperationException($"no filler for a {builder.Type.PgName} column"),
    };
}
