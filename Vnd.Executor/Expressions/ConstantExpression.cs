using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>A literal, held once in a read-only constant vector shared by all threads.</summary>
public sealed class ConstantExpression : Expression
{
    private readonly Vector _vector;

    public ConstantExpression(object? value, SqlType type)
        : base(type)
    {
        Value = value;
        _vector = VectorValues.Constant(type, value);
    }

    public object? Value { get; }

    public bool IsNull => Value is null;

    /// <summary>The value in its vector layout (row 0), for code that reads it as a typed value.</summary>
    public Vector Layout => _vector;

    public override bool IsConstant => true;

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        result.ResetConstant();
        VectorCopy.Gather(_vector, [0], result, 0);
    }

    public override Vector EvaluateToVector(Batch input, EvaluationScratch scratch) => _vector;

    public override string ToString() => Value switch
    {
        null => "NULL",
        string s => $"'{s}'",
        _ => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };
}
