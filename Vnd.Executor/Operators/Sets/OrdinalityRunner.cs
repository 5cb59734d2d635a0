using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Sets;

/// <summary>
/// WITH ORDINALITY of a function in FROM (or of ROWS FROM): the 1-based number, as bigint, of each row the other
/// functions of the <see cref="ProjectSetOperator"/> give for the current input row. It gives no rows of its own
/// (<see cref="SetFunctionRunner.Numbers"/>), so a row for which every function is empty stays dropped.
/// </summary>
public sealed class OrdinalityRunner() : SetFunctionRunner([])
{
    private long _next;

    public override bool Numbers => true;

    public override void Begin(int row) => _next = 1;

    public override int Write(Vector output, int at, int max)
    {
        var values = output.Data<long>();
        for (var k = 0; k < max; k++)
            values[at + k] = _next++;
        return max;
    }
}
