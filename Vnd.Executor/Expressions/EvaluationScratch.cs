using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Per-thread pool of intermediate result vectors for expression evaluation. Vectors are borrowed and returned
/// in stack order within one evaluation, so after the first batch a query evaluates without allocating.
/// Also lends a batch view used to evaluate a sub-expression over a narrower selection (CASE branches).
/// </summary>
public sealed class EvaluationScratch(QueryContext? query = null)
{
    /// <summary>
    /// The query the evaluation belongs to: its cancellation, memory budget, buffers and workers, for expressions
    /// that run a plan of their own (a subquery left as an expression). Null outside a query (constant folding,
    /// tests), where such a plan runs with a context of its own.
    /// </summary>
    public QueryContext? Query { get; } = query;

    /// <summary>How many physical types there are: one pool each.</summary>
    private static readonly int PhysicalTypeCount = Enum.GetValues<PhysicalType>().Length;

    /// <summary>
    /// Pools made on first return: a scratch is made per operator stream opened, and a small query (a projection
    /// over ten rows) opens several per statement, each of which made a pool for every physical type it never used.
    /// </summary>
    private readonly Stack<Vector>?[] _free = new Stack<Vector>?[PhysicalTypeCount];
    private readonly Stack<int[]> _selections = new();
    private readonly Stack<Batch> _views = new();

    public Vector Rent(SqlType type)
    {
        var pool = _free[(int)PhysicalTypes.Of(type)];
        var vector = pool is { Count: > 0 } ? pool.Pop() : new Vector(type) { Owner = this };
        vector.Type = type;
        return vector;
    }

    public void Release(Vector vector)
    {
        if (ReferenceEquals(vector.Owner, this))
            (_free[(int)vector.PhysicalType] ??= new Stack<Vector>()).Push(vector);
    }

    /// <summary>A selection buffer of batch capacity.</summary>
    public int[] RentSelection() => _selections.Count > 0 ? _selections.Pop() : new int[Batch.Capacity];

    public void ReleaseSelection(int[] selection) => _selections.Push(selection);

    /// <summary>A selection buffer holding the live rows of <paramref name="input"/>; returns their count.</summary>
    public int[] RentRows(Batch input, out int count)
    {
        var buffer = RentSelection();
        input.Rows.CopyTo(buffer);
        count = input.ActiveCount;
        return buffer;
    }

    /// <summary>A view of <paramref name="input"/> restricted to <paramref name="rows"/>[0..count).</summary>
    public Batch RentView(Batch input, int[] rows, int count)
    {
        var view = _views.Count > 0 && _views.Peek().ColumnCount == input.ColumnCount ? _views.Pop() : new Batch(input.ColumnCount);
        view.ViewOf(input);
        view.SetSelection(rows, count);
        return view;
    }

    public void ReleaseView(Batch view) => _views.Push(view);
}
