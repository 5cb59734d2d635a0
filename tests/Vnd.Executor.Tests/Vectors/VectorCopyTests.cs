using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Vectors;

/// <summary>
/// <see cref="VectorCopy.Gather"/> moves a batch's rows as one block when they are its identity rows (no selection)
/// and row by row through a selection; both must land the same values and NULLs at the target offset.
/// </summary>
public sealed class VectorCopyTests
{
    [Fact]
    public void Identity_rows_and_a_selection_gather_the_same_values_and_nulls()
    {
        var source = new Batch([SqlType.Int8]) { Count = 100 };
        var vector = source[0];
        vector.ResetFlat();
        for (var row = 0; row < source.Count; row++)
        {
            vector.Set(row, row * 10L);
            if (row % 9 == 4)
                vector.SetNull(row);
        }
        Assert.True(Batch.IsIdentity(source.Rows));
        var explicitRows = source.Rows.ToArray();

        var block = new Vector(SqlType.Int8, Batch.Capacity);
        block.ResetFlat();
        VectorCopy.Gather(vector, source.Rows, block, 5);
        var indexed = new Vector(SqlType.Int8, Batch.Capacity);
        indexed.ResetFlat();
        VectorCopy.Gather(vector, explicitRows, indexed, 5);

        for (var row = 0; row < source.Count; row++)
        {
            Assert.Equal(vector.IsNull(row), block.IsNull(row + 5));
            Assert.Equal(vector.IsNull(row), indexed.IsNull(row + 5));
            if (!vector.IsNull(row))
            {
                Assert.Equal(row * 10L, block.Get<long>(row + 5));
                Assert.Equal(row * 10L, indexed.Get<long>(row + 5));
            }
        }
    }
}
