using Apache.Arrow.Types;

namespace Vnd.Executor.Storage;

/// <summary>
/// How one segment stores an integer-valued column (<see cref="StoredIntegerType"/>): as <paramref name="Type"/>, each
/// value minus <paramref name="Base"/> (0: the values themselves).
/// </summary>
public readonly record struct StoredInteger(IArrowType Type, long Base);
