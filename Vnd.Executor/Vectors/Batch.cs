using Vnd.Planner.Types;

namespace Vnd.Executor.Vectors;

/// <summary>
/// A chunk of up to <see cref="Capacity"/> rows in columnar form (DuckDB's DataChunk). <see cref="Count"/> is the
/// number of physical rows in the vectors; an optional selection lists the live ones, so a filter narrows a batch
/// without copying any column. A batch returned by an operator stays valid until that operator's next call.
/// </summary>
public sealed class Batch
{
    /// <summary>Rows per batch, DuckDB's STANDARD_VECTOR_SIZE: large enough to amortise one virtual call, small
    /// enough that a batch's columns stay in L1/L2.</summary>
    public const int Capacity = 2048;

    /// <summary>0, 1, 2, ...: the selection used when a batch has none of its own. Never written.</summary>
    private static readonly int[] Identity = CreateIdentity();

    private readonly Vector[] _columns;
    private int[]? _selection;
    private int _selectedCount;

    /// <summary>A batch owning one fresh vector per type.</summary>
    public Batch(IReadOnlyList<SqlType> types)
        : this(types, Capacity)
    {
    }

    /// <summary>A batch owning one fresh vector per type, of <paramref name="capacity"/> rows (at most <see cref="Capacity"/>).</summary>
    public Batch(IReadOnlyList<SqlType> types, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, Capacity);
        _columns = new Vector[types.Count];
        for (var i = 0; i < _columns.Length; i++)
            _columns[i] = new Vector(types[i], capacity);
    }

    /// <summary>A batch whose column slots the caller fills (views over other batches' vectors).</summary>
    public Batch(int columnCount) => _columns = new Vector[columnCount];

    public int ColumnCount => _columns.Length;

    /// <summary>Physical rows in the vectors.</summary>
    public int Count { get; set; }

    /// <summary>
    /// Where the rows sit in their scan's order: the ordinal of the source unit (segment or record batch) they were
    /// read from, kept by operators that stream a batch's rows on. An order-preserving exchange merges its
    /// partitions by it so a parallel scan returns rows in the order one partition would (capture order).
    /// </summary>
    public long Sequence { get; set; }

    public bool HasSelection => _selection is not null;

    /// <summary>Number of live rows.</summary>
    public int ActiveCount => _selection is null ? Count : _selectedCount;

    /// <summary>Live row positions, ascending unless a join produced them.</summary>
    public ReadOnlySpan<int> Rows => _selection is null ? Identity.AsSpan(0, Count) : _selection.AsSpan(0, _selectedCount);

    /// <summary>True when <paramref name="rows"/> are the <see cref="Rows"/> of a batch without a selection (row k is
    /// physical row k), so a kernel may read values by position instead of through the rows.</summary>
    public static bool IsIdentity(ReadOnlySpan<int> rows) =>
        rows.IsEmpty || System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(rows), ref Identity[0]);

    public Vector this[int column]
    {
        get => _columns[column];
        set => _columns[column] = value;
    }

    public void SetSelection(int[] selection, int count)
    {
        _selection = selection;
        _selectedCount = count;
    }

    public void ClearSelection() => _selection = null;

    /// <summary>Empties the batch and readies its owned vectors for new flat values.</summary>
    public void Reset()
    {
        Count = 0;
        _selection = null;
        foreach (var column in _columns)
            column?.ResetFlat();
    }

    /// <summary>Points this view at another batch's vectors, rows and selection.</summary>
    public void ViewOf(Batch other)
    {
        for (var i = 0; i < _columns.Length; i++)
            _columns[i] = other._columns[i];
        Count = other.Count;
        _selection = other._selection;
        _selectedCount = other._selectedCount;
        Sequence = other.Sequence;
    }

    /// <summary>Takes another batch's row count, selection and sequence, keeping this batch's columns.</summary>
    public void ViewRowsOf(Batch other)
    {
        Count = other.Count;
        _selection = other._selection;
        _selectedCount = other._selectedCount;
        Sequence = other.Sequence;
    }

    private static int[] CreateIdentity()
    {
        var identity = new int[Capacity];
        for (var i = 0; i < identity.Length; i++)
            identity[i] = i;
        return identity;
    }
}
