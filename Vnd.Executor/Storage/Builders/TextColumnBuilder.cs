using System.Text;
using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>A text column (Arrow Utf8). Bytes appended must already be UTF-8.</summary>
public sealed class TextColumnBuilder : VariableWidthColumnBuilder
{
    public TextColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.Text, capacity, buffers)
    {
    }

    /// <summary>Appends a string, encoding it straight into the column's buffer.</summary>
    public void Append(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Encoding.UTF8.GetBytes(value, Reserve(Encoding.UTF8.GetMaxByteCount(value.Length)));
        Commit(length);
    }
}
