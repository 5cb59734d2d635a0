using Vnd.Executor.Tests.Slt;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Vectors;

/// <summary>
/// The array vector form: values written by <see cref="ArrayWriter"/> read back through <see cref="ArrayLayout"/>
/// (NULL elements, text offsets, more than eight elements so the null bitmap spans bytes), one writer reused
/// across rows, and the queries VND refuses rather than answering in the wrong order.
/// </summary>
public sealed class ArrayLayoutTests
{
    private static readonly Lazy<VndEngine> Engine = new(() => new VndEngine(SltCorpus.SetupSql));

    [Fact]
    public void Fixed_width_elements_and_nulls_round_trip_through_one_reused_writer()
    {
        var vector = new Vector(SqlType.ArrayOf(SqlType.Int8), 4);
        vector.ResetFlat();
        var writer = new ArrayWriter(PhysicalType.Int64);
        for (var row = 0; row < 3; row++)
        {
            writer.Begin();
            for (var k = 0; k < 10 + row; k++)
            {
                if (k % 4 == 3)
                    writer.AddNull();
                else
                    writer.Add((long)(row * 100 + k));
            }
            writer.WriteTo(vector, row);
        }
        for (var row = 0; row < 3; row++)
        {
            var array = vector.GetBytes(row);
            Assert.Equal(10 + row, ArrayLayout.Count(array));
            Assert.True(ArrayLayout.HasNull(array));
            for (var k = 0; k < 10 + row; k++)
            {
                Assert.Equal(k % 4 == 3, ArrayLayout.IsNull(array, k));
                if (k % 4 != 3)
                    Assert.Equal(row * 100 + k, ArrayLayout.Get<long>(array, k));
            }
        }
    }

    [Fact]
    public void Text_elements_keep_their_bytes_and_an_empty_array_has_none()
    {
        var value = new ArrayValue(SqlType.Text, ["a b", null, "", "é"]);
        var array = value.ToLayout();
        Assert.Equal(4, ArrayLayout.Count(array));
        Assert.Equal("a b"u8.ToArray(), ArrayLayout.Bytes(array, 0).ToArray());
        Assert.True(ArrayLayout.IsNull(array, 1));
        Assert.Empty(ArrayLayout.Bytes(array, 2).ToArray());
        Assert.Equal("é"u8.ToArray(), ArrayLayout.Bytes(array, 3).ToArray());
        Assert.Equal("{\"a b\",NULL,\"\",é}", ArrayValue.Read(array, SqlType.Text).ToString());
        var empty = new ArrayValue(SqlType.Int4, []).ToLayout();
        Assert.Equal(0, ArrayLayout.Count(empty));
        Assert.False(ArrayLayout.HasNull(empty));
    }

    [Fact]
    public void Unpack_fills_a_vector_of_the_element_type()
    {
        var array = new ArrayValue(SqlType.Float8, [1.5, null, -0.25]).ToLayout();
        var elements = new Vector(SqlType.Float8, 1);
        Assert.Equal(3, ArrayLayout.Unpack(array, elements));
        Assert.Equal(1.5, elements.Get<double>(0));
        Assert.True(elements.IsNull(1));
        Assert.Equal(-0.25, elements.Get<double>(2));
    }

    [Theory]
    [InlineData("SELECT ARRAY[k] FROM a ORDER BY 1")]
    [InlineData("SELECT max(ARRAY[k]) FROM a")]
    [InlineData("SELECT ARRAY[1.5] = ARRAY[1.50]")]
    [InlineData("SELECT '{{1,2},{3,4}}'::int4[]")]
    public void What_arrays_cannot_answer_correctly_is_refused(string sql)
    {
        var result = Engine.Value.Run(sql);
        Assert.True(result.ErrorState is "0A000" or "42883", $"{sql}: {result.ErrorState} {result.ErrorMessage}");
    }
}
