using Vnd.Planner.Types;

namespace Vnd.Capture.ParseConfigs.Validation;

/// <summary>Whether a filter value can be compared with a field of a given type, and if not, why.</summary>
internal static class FilterValueFit
{
    /// <returns>Null when the value fits, else the reason (without position).</returns>
    public static string? Check(string field, SqlType type, ComparisonOperator op, FilterValue value)
    {
        var ordering = op is not (ComparisonOperator.In or ComparisonOperator.NotIn);
        var fits = value switch
        {
            IntegerValue integer => type.IsInteger && InRange(type, integer.Value),
            RangeValue range => type.IsInteger && !ordering && InRange(type, range.Low) && InRange(type, range.High),
            AddressValue address => type.Id is TypeId.Inet or TypeId.Cidr
                && FamilyFits(type.Family, address)
                && !(ordering && address.IsPrefix),
            MacValue => type.Id == TypeId.MacAddr,
            StringValue => type.Id == TypeId.Text,
            BoolValue => type.Id == TypeId.Bool && !ordering,
            _ => false,
        };
        if (fits)
        {
            return null;
        }

        var described = ColumnTypes.Describe(type);
        return value switch
        {
            RangeValue when ordering => $"a range cannot be used with {OperatorText(op)}; write {field} in {{low-high}}",
            AddressValue { IsPrefix: true } when ordering => $"an address prefix cannot be used with {OperatorText(op)}; write {field} in prefix",
            BoolValue when ordering && type.Id == TypeId.Bool => $"a boolean cannot be used with {OperatorText(op)}",
            IntegerValue or RangeValue when type.IsInteger => $"{value.KindName} value out of range for field {field} of type {described}",
            AddressValue address when type.Id is TypeId.Inet or TypeId.Cidr => $"an {(address.IsV6 ? "IPv6" : "IPv4")} {address.KindName} cannot match field {field} of type {described}",
            _ => $"a{(StartsWithVowel(value.KindName) ? "n" : "")} {value.KindName} value cannot be compared with field {field} of type {described}",
        };
    }

    private static bool FamilyFits(InetFamily family, AddressValue address) => family switch
    {
        InetFamily.V4 => !address.IsV6,
        InetFamily.V6 => address.IsV6,
        _ => true,
    };

    private static bool InRange(SqlType type, long value) => type.Id switch
    {
        TypeId.Int2 => value is >= short.MinValue and <= short.MaxValue,
        TypeId.Int4 => value is >= int.MinValue and <= int.MaxValue,
        _ => true,
    };

    private static bool StartsWithVowel(string word) => "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal);

    private static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.NotIn => "!=",
        _ => "in",
    };
}
