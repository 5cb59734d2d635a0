using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

public sealed class WriterUsageTests : IDisposable
{
    private static readonly TableRef Flows = new("t", "flows");
    private static readonly TableSchema TwoInts = new([new ColumnSchema("a", SqlType.Int8), new ColumnSchema("b", SqlType.Int8)]);
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_row_missing_a_column_is_refused_at_EndRow()
    {
        using var writer = new TraceTableStore(_dir.Path).CreateWriter(Flows, TwoInts);
        writer.GetBuilder<Int64ColumnBuilder>(0).Append(1);
        var e = Assert.Throws<StorageException>(writer.EndRow);
        Assert.Equal(StorageErrorKind.InvalidUsage, e.Kind);
        Assert.Contains("\"b\"", e.Message);
    }

    [Fact]
    public void A_column_given_two_values_in_a_row_is_refused()
    {
        using var writer = new TraceTableStore(_dir.Path).CreateWriter(Flows, TwoInts);
        writer.GetBuilder<Int64ColumnBuilder>(0).Append(1);
        writer.GetBuilder<Int64ColumnBuilder>(0).Append(2);
        writer.GetBuilder<Int64ColumnBuilder>(1).Append(3);
        Assert.Equal(StorageErrorKind.InvalidUsage, Assert.Throws<StorageException>(writer.EndRow).Kind);
    }

    [Fact]
    public void Asking_for_the_wrong_builder_class_names_the_column()
    {
        using var writer = new TraceTableStore(_dir.Path).CreateWriter(Flows, TwoInts);
        var e = Assert.Throws<StorageException>(() => writer.GetBuilder<Int32ColumnBuilder>(1));
        Assert.Contains("Int64ColumnBuilder", e.Message);
    }

    [Fact]
    public void Types_without_a_storage_mapping_are_not_supported()
    {
        var store = new TraceTableStore(_dir.Path);
        foreach (var type in new[] { SqlType.Numeric, SqlType.Date, SqlType.Interval, SqlType.ArrayOf(SqlType.Int4) })
        {
            var schema = new TableSchema([new ColumnSchema("x", type)]);
            var e = Assert.Throws<StorageException>(() => store.CreateWriter(Flows, schema));
            Assert.Equal(StorageErrorKind.NotSupported, e.Kind);
        }
        Assert.False(store.TableExists(Flows));
    }

    [Fact]
    public void Addresses_of_the_wrong_length_are_invalid_values()
    {
        var inet = new InetColumnBuilder(SqlType.Inet, 4);
        Assert.Equal(StorageErrorKind.InvalidValue, Assert.Throws<StorageException>(() => inet.Append(new byte[5])).Kind);
        var mac = new MacAddrColumnBuilder(4);
        Assert.Equal(StorageErrorKind.InvalidValue, Assert.Throws<StorageException>(() => mac.Append(new byte[4])).Kind);
        Assert.Equal(0, inet.Count + mac.Count);
    }

    [Fact]
    public void A_second_writer_on_the_same_table_is_refused_while_the_first_is_open()
    {
        var store = new TraceTableStore(_dir.Path);
        using (store.CreateWriter(Flows, TwoInts))
        {
            var e = Assert.Throws<StorageException>(() => store.CreateWriter(Flows, TwoInts));
            Assert.Equal(StorageErrorKind.TableLocked, e.Kind);
        }
        using (store.CreateWriter(Flows, TwoInts))
        {
        }
    }

    [Theory]
    [InlineData("", "t")]
    [InlineData("a/b", "t")]
    [InlineData("s", "..")]
    [InlineData("s", ".hidden")]
    [InlineData("s", "x\0y")]
    public void Names_that_could_escape_the_data_directory_are_refused(string schema, string table)
    {
        var e = Assert.Throws<StorageException>(() => new TraceTableStore(_dir.Path).CreateWriter(new TableRef(schema, table), TwoInts));
        Assert.Equal(StorageErrorKind.InvalidName, e.Kind);
    }

    [Fact]
    public void A_builder_refuses_more_values_than_a_batch_holds()
    {
        var builder = new Int64ColumnBuilder(2);
        builder.Append(1);
        builder.AppendNull();
        Assert.Equal(StorageErrorKind.InvalidUsage, Assert.Throws<StorageException>(() => builder.Append(3)).Kind);
        Assert.Equal([1L, 0L], builder.Values.ToArray());
        Assert.Equal(1, builder.NullCount);
    }
}
