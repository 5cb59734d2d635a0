using System.Collections;
using System.Runtime.CompilerServices;

namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// Immutable list with structural equality, so AST records (which compare their members with
/// EqualityComparer.Default) compare whole trees; ImmutableArray would compare by reference.
/// </summary>
[CollectionBuilder(typeof(SqlList), nameof(SqlList.Create))]
public sealed class SqlList<T> : IReadOnlyList<T>, IEquatable<SqlList<T>>
{
    private readonly T[] _items;

    internal SqlList(T[] items) => _items = items;

    public static SqlList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public ReadOnlySpan<T> AsSpan() => _items;

    public bool Equals(SqlList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as SqlList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    public ReadOnlySpan<T>.Enumerator GetEnumerator() => new ReadOnlySpan<T>(_items).GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}

/// <summary>Factory for <see cref="SqlList{T}"/>; also the collection-expression builder.</summary>
public static class SqlList
{
    public static SqlList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? SqlList<T>.Empty : new SqlList<T>(items.ToArray());

    public static SqlList<T> From<T>(IEnumerable<T> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? SqlList<T>.Empty : new SqlList<T>(array);
    }
}
