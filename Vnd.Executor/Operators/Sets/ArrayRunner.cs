using System.Text;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Sets;

/// <summary>
/// The array functions over an array's text form, per row: unnest (each element as text), ordinality (1 … n, the
/// position _pg_expandarray pairs with the element) and generate_subscripts(a, dim[, reverse]) (lower … upper of a
/// one-dimensional array's dimension 1, nothing for any other dimension). A NULL array gives no rows.
/// </summary>
public sealed class ArrayRunner(Expression[] arguments, ArrayRunner.Kind kind) : SetFunctionRunner(arguments)
{
    public enum Kind { Elements, Ordinality, Subscripts }

    private List<string?> _elements = [];
    private int _lower;
    private int _next;
    private int _count;
    private bool _reverse;

    public override void Begin(int row)
    {
        _next = 0;
        _count = 0;
        var array = Argument(0);
        if (array.IsNull(row))
            return;
        if (kind == Kind.Subscripts)
        {
            var dimension = Argument(1);
            if (dimension.IsNull(row) || dimension.Get<int>(row) != 1)
                return;
            var reverse = Argument(2);
            _reverse = !reverse.IsNull(row) && reverse.Get<byte>(row) != 0;
        }
        (_lower, _elements) = ArrayText.Parse(Encoding.UTF8.GetString(array.GetBytes(row)));
        _count = _elements.Count;
    }

    public override int Write(Vector output, int at, int max)
    {
        var n = Math.Min(max, _count - _next);
        for (var k = 0; k < n; k++, _next++)
        {
            switch (kind)
            {
                case Kind.Elements:
                    if (_elements[_next] is { } element)
                        output.SetBytes(at + k, Encoding.UTF8.GetBytes(element));
                    else
                        output.SetNull(at + k);
                    break;
                case Kind.Ordinality:
                    output.Set(at + k, _next + 1);
                    break;
                default:
                    output.Set(at + k, _reverse ? _lower + _count - 1 - _next : _lower + _next);
                    break;
            }
        }
        return n;
    }
}
