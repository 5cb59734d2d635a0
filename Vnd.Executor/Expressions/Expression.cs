using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// A bound, typed scalar expression over the columns of an input batch. Evaluation is vectorised: one virtual
/// call per batch and node computes every live row (the batch's <see cref="Batch.Rows"/>) into a result vector
/// at the same row positions. Expression trees are immutable and shared by all threads of a query; per-thread
/// buffers come from the <see cref="EvaluationScratch"/> the caller passes in.
/// </summary>
public abstract class Expression
{
    protected Expression(SqlType type)
    {
        Type = type;
        PhysicalType = PhysicalTypes.Of(type);
    }

    public SqlType Type { get; }

    public PhysicalType PhysicalType { get; }

    /// <summary>True when the value does not depend on the input rows.</summary>
    public virtual bool IsConstant => false;

    /// <summary>Computes the live rows of <paramref name="input"/> into <paramref name="result"/>, which the
    /// callee resets (flat or constant) before writing.</summary>
    public abstract void Evaluate(Batch input, Vector result, EvaluationScratch scratch);

    /// <summary>
    /// Computes the value and returns a vector holding it: an input column or a literal's constant vector
    /// without copying, otherwise a vector borrowed from <paramref name="scratch"/>. The caller hands it back
    /// with <see cref="EvaluationScratch.Release"/> once done (a no-op for vectors the scratch did not lend).
    /// </summary>
    public virtual Vector EvaluateToVector(Batch input, EvaluationScratch scratch)
    {
        var result = scratch.Rent(Type);
        Evaluate(input, result, scratch);
        return result;
    }
}
