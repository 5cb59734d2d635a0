using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Sets;

/// <summary>
/// One set-returning function of a <see cref="ProjectSetOperator"/> while it runs: its arguments are evaluated once
/// per input batch, then for each input row <see cref="Begin"/> starts the function's rows and <see cref="Write"/>
/// hands them out in runs straight into the output vector (one call per run, not per value). Not thread-safe: each
/// stream owns its runners.
/// </summary>
public abstract class SetFunctionRunner(Expression[] arguments)
{
    private readonly Vector?[] _values = new Vector?[arguments.Length];

    /// <summary>Evaluates the arguments over <paramref name="batch"/>.</summary>
    public void Prepare(Batch batch, EvaluationScratch scratch)
    {
        for (var a = 0; a < arguments.Length; a++)
            _values[a] = arguments[a].EvaluateToVector(batch, scratch);
    }

    public void Release(EvaluationScratch scratch)
    {
        for (var a = _values.Length - 1; a >= 0; a--)
        {
            if (_values[a] is { } vector)
                scratch.Release(vector);
            _values[a] = null;
        }
    }

    /// <summary>How many arguments the call has.</summary>
    protected int Arguments => _values.Length;

    /// <summary>Argument <paramref name="index"/>'s vector for the current batch.</summary>
    protected Vector Argument(int index) => _values[index]!;

    /// <summary>
    /// Whether the runner numbers the rows the other functions give (WITH ORDINALITY) instead of giving rows of its
    /// own: it is asked for exactly as many rows as the longest of the others wrote.
    /// </summary>
    public virtual bool Numbers => false;

    /// <summary>Starts the rows for input row <paramref name="row"/> (NULL arguments: none).</summary>
    public abstract void Begin(int row);

    /// <summary>Writes up to <paramref name="max"/> next rows' values at <paramref name="at"/>…; fewer means the rows are done.</summary>
    public abstract int Write(Vector output, int at, int max);
}
