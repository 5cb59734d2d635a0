using System.Buffers;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>A vectorised function body: all argument vectors in, the live rows of the result out.</summary>
public delegate void FunctionKernel(ReadOnlySpan<Vector> arguments, Vector result, ReadOnlySpan<int> rows);

/// <summary>
/// A call of a scalar function resolved by <see cref="ScalarFunctions"/>: evaluates the arguments once per batch
/// and runs the kernel chosen for their types.
/// </summary>
public sealed class FunctionExpression : Expression
{
    private readonly FunctionKernel _kernel;

    public FunctionExpression(string name, SqlType type, IReadOnlyList<Expression> arguments, FunctionKernel kernel)
        : base(type)
    {
        Name = name;
        Arguments = arguments;
        _kernel = kernel;
    }

    public string Name { get; }

    public IReadOnlyList<Expression> Arguments { get; }

    public override bool IsConstant => Arguments.All(a => a.IsConstant);

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var count = Arguments.Count;
        var values = ArrayPool<Vector>.Shared.Rent(Math.Max(count, 1));
        try
        {
            for (var i = 0; i < count; i++)
                values[i] = Arguments[i].EvaluateToVector(input, scratch);
            var allConstant = count > 0;
            for (var i = 0; i < count; i++)
                allConstant &= values[i].IsConstant;
            ReadOnlySpan<int> rows = allConstant ? [0] : input.Rows;
            _kernel(values.AsSpan(0, count), result, rows);
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(Type);
        }
        finally
        {
            for (var i = count - 1; i >= 0; i--)
            {
                if (values[i] is not null)
                    scratch.Release(values[i]);
            }
            Array.Clear(values, 0, count);
            ArrayPool<Vector>.Shared.Return(values);
        }
    }

    public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";
}
