using Vnd.Planner.Types;

namespace Vnd.Executor.Vectors;

/// <summary>
/// A boxed array value for the slow paths (<see cref="VectorValues"/>: literals, parameters, casts, tests): its
/// element type and its elements boxed as <see cref="VectorValues"/> boxes scalars. Vectors never hold these;
/// they hold the <see cref="ArrayLayout"/> bytes.
/// </summary>
public sealed class ArrayValue(SqlType element, IReadOnlyList<object?> items)
{
    public SqlType Element { get; } = element;

    public IReadOnlyList<object?> Items { get; } = items;

    /// <summary>The PostgreSQL text form ({1,NULL,"a b"}), as array_out prints it.</summary>
    public override string ToString() => Expressions.ArrayText.Format(Items, Element);

    /// <summary>Reads the layout bytes of one array of <paramref name="element"/> values.</summary>
    public static ArrayValue Read(ReadOnlySpan<byte> array, SqlType element)
    {
        var elements = new Vector(element, Math.Max(1, ArrayLayout.Count(array)));
        var count = ArrayLayout.Unpack(array, elements);
        var items = new object?[count];
        for (var i = 0; i < count; i++)
            items[i] = VectorValues.Get(elements, i);
        return new ArrayValue(element, items);
    }

    /// <summary>The layout bytes of this array.</summary>
    public byte[] ToLayout()
    {
        var elements = new Vector(Element, Math.Max(1, Items.Count));
        elements.ResetFlat();
        var writer = new ArrayWriter(elements.PhysicalType);
        writer.Begin();
        for (var i = 0; i < Items.Count; i++)
        {
            VectorValues.Set(elements, i, Items[i]);
            writer.AddFrom(elements, i);
        }
        return writer.ToBytes();
    }
}
