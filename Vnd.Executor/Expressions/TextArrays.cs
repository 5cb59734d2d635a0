using System.Text;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>Writes a typed text[] value (string_to_array, regexp_split_to_array, parse_ident) from its elements.</summary>
internal static class TextArrays
{
    public static void Write(ArrayWriter array, IEnumerable<string?> elements, Vector result, int row)
    {
        array.Begin();
        foreach (var element in elements)
        {
            if (element is null)
                array.AddNull();
            else
                array.AddBytes(Encoding.UTF8.GetBytes(element));
        }
        array.WriteTo(result, row);
    }
}
