using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Sets;

/// <summary>
/// A scalar function among set-returning ones in ROWS FROM (…): its value is one row, NULL included, as PostgreSQL
/// treats a non-set function in FROM; the lockstep pads it with NULL after that row.
/// </summary>
public sealed class SingleRowRunner(Expression value) : SetFunctionRunner([value])
{
    private int _row = -1;

    public override void Begin(int row) => _row = row;

    public override int Write(Vector output, int at, int max)
    {
        if (_row < 0 || max == 0)
            return 0;
        ReadOnlySpan<int> source = [_row];
        VectorCopy.Gather(Argument(0), source, output, at);
        _row = -1;
        return 1;
    }
}
