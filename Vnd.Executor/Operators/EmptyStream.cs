using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators;

/// <summary>A stream with no rows: the extra partitions of an operator that produces its result on partition 0.</summary>
public sealed class EmptyStream : OperatorStream
{
    public override Batch? Next() => null;
}
