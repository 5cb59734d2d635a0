using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// CAST(x AS type). Numeric conversions and timestamp resolution changes run as typed kernels; the rarer casts
/// (to and from text, dates, intervals, inet) convert row by row through <see cref="ValueConverter"/>, which is
/// slower but shares one definition of PostgreSQL's text forms. <c>now</c> is the statement's instant for text
/// such as 'now' and 'today', <c>zone</c> the session's TimeZone for timestamptz text (see <see cref="ValueConverter"/>).
/// </summary>
public sealed class CastExpression : Expression
{
    private readonly UnaryKernel? _kernel;
    private readonly DateTime? _now;
    private readonly TimeZoneInfo? _zone;

    public CastExpression(Expression operand, SqlType target, DateTime? now = null, TimeZoneInfo? zone = null)
        : base(target)
    {
        Operand = operand;
        _now = now;
        _zone = zone;
        _kernel = CastKernels.Select(operand.Type, target);
    }

    public Expression Operand { get; }

    public override bool IsConstant => Operand.IsConstant;

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var value = Operand.EvaluateToVector(input, scratch);
        try
        {
            if (_kernel is not null)
                _kernel(value, result, input.Rows);
            else
                ConvertRows(value, result, input.Rows);
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(Type);
        }
        finally
        {
            scratch.Release(value);
        }
    }

    private void ConvertRows(Vector value, Vector result, ReadOnlySpan<int> rows)
    {
        if (value.IsConstant)
        {
            result.ResetConstant();
            VectorValues.Set(result, 0, ValueConverter.Convert(VectorValues.Get(value, 0), Operand.Type, Type, _now, _zone));
            return;
        }
        result.ResetFlat();
        foreach (var i in rows)
            VectorValues.Set(result, i, ValueConverter.Convert(VectorValues.Get(value, i), Operand.Type, Type, _now, _zone));
    }

    public override string ToString() => $"CAST({Operand} AS {Type})";
}
