using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// Equi-join on one or more key pairs with an optional residual predicate (a non-equi condition over the joined
/// row: probe columns first, then build columns). The build side is hashed once, in parallel, and shared; each
/// probe partition streams through it, so the probe side parallelises with whatever drives it. Integer keys of
/// different widths match by value; other mixed key types are cast to their common type.
/// </summary>
public sealed class HashJoinOperator : PhysicalOperator
{
    public HashJoinOperator(PhysicalOperator probe, PhysicalOperator build, IReadOnlyList<Expression> probeKeys,
        IReadOnlyList<Expression> buildKeys, JoinType type, Expression? residual = null)
    {
        if (probeKeys.Count != buildKeys.Count || probeKeys.Count == 0)
            throw new ArgumentException("a hash join needs matching, non-empty key lists", nameof(buildKeys));
        if (type == JoinType.NullAwareAnti && probeKeys.Count != 1)
            ExecutionErrors.Unsupported("NOT IN with a multi-column subquery");
        Probe = probe;
        Build = build;
        Type = type;
        Residual = residual;
        var p = new Expression[probeKeys.Count];
        var b = new Expression[buildKeys.Count];
        for (var i = 0; i < p.Length; i++)
        {
            var common = TypeUnification.Common(probeKeys[i].Type, buildKeys[i].Type);
            var integers = probeKeys[i].Type.IsInteger && buildKeys[i].Type.IsInteger;
            p[i] = integers ? probeKeys[i] : TypeUnification.To(probeKeys[i], common);
            b[i] = integers ? buildKeys[i] : TypeUnification.To(buildKeys[i], common);
        }
        ProbeKeys = p;
        BuildKeys = b;
        var probeTypes = p.Select(k => k.PhysicalType).ToArray();
        var buildTypes = b.Select(k => k.PhysicalType).ToArray();
        ProbeLayout = PackedKeyLayout.TryCreateForJoin(probeTypes, buildTypes);
        BuildLayout = ProbeLayout is null ? null : PackedKeyLayout.TryCreateForJoin(buildTypes, probeTypes);
        OutputTypes = EmitsBuildColumns ? [.. probe.OutputTypes, .. build.OutputTypes] : probe.OutputTypes;
    }

    public PhysicalOperator Probe { get; }

    public PhysicalOperator Build { get; }

    public IReadOnlyList<Expression> ProbeKeys { get; }

    public IReadOnlyList<Expression> BuildKeys { get; }

    public JoinType Type { get; }

    /// <summary>How each side packs its keys into words (<see cref="JoinKeyEncoder"/>): the same fields on both
    /// sides; null when a key is not fixed-width or needs more than four words (the byte-encoded path).</summary>
    internal PackedKeyLayout? ProbeLayout { get; }

    internal PackedKeyLayout? BuildLayout { get; }

    public Expression? Residual { get; }

    public bool EmitsBuildColumns => Type is JoinType.Inner or JoinType.Left or JoinType.Right or JoinType.Full;

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Probe, Build];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount)
    {
        var table = context.Shared(this, () => JoinHashTable.Build(context, Build, BuildKeys, EmitsBuildColumns || Residual is not null, IsIntegerKey(ProbeKeys), BuildLayout));
        return new HashJoinStream(this, table, Probe.Open(context, partition, partitionCount), context, partitionCount);
    }

    /// <summary>One integer key column: the case a build side may be indexed densely by value.</summary>
    internal static bool IsIntegerKey(IReadOnlyList<Expression> keys) =>
        keys.Count == 1 && keys[0].PhysicalType is PhysicalType.Int16 or PhysicalType.Int32 or PhysicalType.Int64;

    public override string ToString() =>
        $"HashJoin {Type} on [{string.Join(", ", ProbeKeys.Zip(BuildKeys, (p, b) => $"{p} = {b}"))}]" + (Residual is null ? "" : $" residual {Residual}");
}
