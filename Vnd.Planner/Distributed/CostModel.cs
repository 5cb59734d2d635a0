using Vnd.Planner.Types;

namespace Vnd.Planner.Distributed;

/// <summary>
/// The planner's unit is a byte moved between sites. CPU is converted into the same unit: touching a row in a join,
/// a distinct or a semi-join costs <see cref="CpuBytesPerRow"/>, so among plans that move the same bytes the one that
/// does less work wins, and a semi-join reduction must save more than the extra pass over its input. Bloom filters
/// for semi-join reduction are sized for <see cref="BloomFalsePositiveRate"/>.
/// </summary>
public sealed record CostModel(double CpuBytesPerRow = 0.5, int PairBudget = 20_000, double BloomFalsePositiveRate = 0.01)
{
    public static CostModel Default { get; } = new();

    /// <summary>Bytes a value of <paramref name="type"/> takes in an exchange (Arrow layout; text an average).</summary>
    public static double Width(SqlType type) => type.Id switch
    {
        TypeId.Bool => 1,
        TypeId.Int2 => 2,
        TypeId.Int4 or TypeId.Date or TypeId.Float4 or TypeId.Oid => 4,
        TypeId.Int8 or TypeId.Float8 or TypeId.Timestamp or TypeId.TimestampTz or TypeId.Time => 8,
        TypeId.Inet => type.Family == InetFamily.V4 ? 4 : 16,
        TypeId.MacAddr => 6,
        TypeId.Numeric or TypeId.Interval or TypeId.Cidr => 16,
        _ => 24,
    };
}
