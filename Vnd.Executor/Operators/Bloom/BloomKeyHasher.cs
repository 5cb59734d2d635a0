using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Bloom;

/// <summary>
/// Hashes the join keys of a batch's live rows the way the hash join does (<see cref="KeyEncoder"/>: integers
/// widened, NULL keys flagged), so a filter built at one site answers for keys probed at another. Buffers are
/// reused from batch to batch.
/// </summary>
internal sealed class BloomKeyHasher(IReadOnlyList<Expression> keys)
{
    private readonly KeyEncoder _encoder = new(keys.Select(k => k.PhysicalType).ToArray(), nullsAreValues: false);
    private readonly Vector[] _vectors = new Vector[keys.Count];
    private readonly EvaluationScratch _scratch = new();

    /// <summary>Key k of the result (hash and NULL flag) belongs to <c>batch.Rows[k]</c>.</summary>
    public KeyEncoder Hash(Batch batch)
    {
        for (var k = 0; k < _vectors.Length; k++)
            _vectors[k] = keys[k].EvaluateToVector(batch, _scratch);
        _encoder.Encode(_vectors, batch.Rows);
        for (var k = 0; k < _vectors.Length; k++)
            _scratch.Release(_vectors[k]);
        return _encoder;
    }
}
