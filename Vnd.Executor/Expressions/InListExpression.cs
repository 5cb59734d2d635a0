using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// x [NOT] IN (constants). The list becomes a hash set once, at construction, so long lists cost one probe per
/// row. SQL semantics: NULL x gives NULL; no match with a NULL in the list gives NULL.
/// </summary>
public sealed class InListExpression : Expression
{
    private readonly IMembership _set;
    private readonly bool _listHasNull;

    public InListExpression(Expression value, IReadOnlyList<object?> constants, bool negated)
        : base(SqlType.Bool)
    {
        Value = value;
        Negated = negated;
        _listHasNull = constants.Any(c => c is null);
        var present = constants.Where(c => c is not null).Select(c => c!).ToArray();
        _set = value.PhysicalType switch
        {
            PhysicalType.Bool => new Membership<byte>(present.Select(c => (byte)((bool)c ? 1 : 0))),
            PhysicalType.Int16 or PhysicalType.Int32 or PhysicalType.Int64 => IntegerSet(value.PhysicalType, present.Select(c => Stored(value.Type, c))),
            PhysicalType.Float64 => new Membership<double>(present.Select(Convert.ToDouble)),
            PhysicalType.Decimal => new Membership<decimal>(present.Select(Convert.ToDecimal)),
            PhysicalType.VarBytes => new TextMembership(present.Select(c => c as string ?? Encoding.UTF8.GetString((byte[])c))),
            PhysicalType.Inet4 => new Membership<uint>(present.Select(c => (uint)((InetValue)c).Low)),
            PhysicalType.Inet => new Membership<InetValue>(present.Select(c => (InetValue)c)),
            PhysicalType.Interval => new Membership<PgInterval>(present.Select(c => (PgInterval)c), PgInterval.SpanEquality),
            PhysicalType.MacAddr => new Membership<ulong>(present.Select(Convert.ToUInt64)),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
        Count = constants.Count;
    }

    public Expression Value { get; }

    /// <summary>A constant as the column stores it: timestamps (DateTime) and dates (DateOnly) are counts since the
    /// epoch in the type's unit, not convertible numbers.</summary>
    private static long Stored(SqlType type, object constant)
    {
        if (constant is not (DateTime or DateOnly or TemporalInfinity or TimeSpan))
            return Convert.ToInt64(constant);
        var vector = VectorValues.Constant(type, constant);
        return vector.PhysicalType switch
        {
            PhysicalType.Int16 => vector.Get<short>(0),
            PhysicalType.Int32 => vector.Get<int>(0),
            _ => vector.Get<long>(0),
        };
    }

    public bool Negated { get; }

    public int Count { get; }

    public override bool IsConstant => Value.IsConstant;

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var value = Value.EvaluateToVector(input, scratch);
        ReadOnlySpan<int> rows = value.IsConstant ? [0] : input.Rows;
        if (value.IsConstant)
            result.ResetConstant();
        else
            result.ResetFlat();
        _set.Probe(value, rows, result);
        var o = result.Data<byte>();
        foreach (var i in rows)
        {
            if (result.Validity.IsNull(i))
                continue;
            if (o[i] == 0 && _listHasNull)
                result.SetNull(i);
            else if (Negated)
                o[i] ^= 1;
        }
        scratch.Release(value);
    }

    public override string ToString() => $"({Value} {(Negated ? "NOT IN" : "IN")} ({Count} values))";

    private static IMembership IntegerSet(PhysicalType type, IEnumerable<long> values) => type switch
    {
        PhysicalType.Int16 => new Membership<short>(values.Where(v => v is >= short.MinValue and <= short.MaxValue).Select(v => (short)v)),
        PhysicalType.Int32 => new Membership<int>(values.Where(v => v is >= int.MinValue and <= int.MaxValue).Select(v => (int)v)),
        _ => new Membership<long>(values),
    };

    /// <summary>Writes 1/0 for valid rows and NULL for NULL rows.</summary>
    private interface IMembership
    {
        void Probe(Vector value, ReadOnlySpan<int> rows, Vector result);
    }

    private sealed class Membership<T>(IEnumerable<T> values, IEqualityComparer<T>? equality = null) : IMembership
        where T : unmanaged, IEquatable<T>
    {
        private readonly HashSet<T> _set = new(values, equality);

        public void Probe(Vector value, ReadOnlySpan<int> rows, Vector result)
        {
            var data = value.Data<T>();
            var o = result.Data<byte>();
            foreach (var i in rows)
            {
                if (value.Validity.IsNull(i))
                    result.SetNull(i);
                else
                    o[i] = _set.Contains(data[i]) ? (byte)1 : (byte)0;
            }
        }
    }

    /// <summary>Text probe without a string per row: decode into a reused char buffer and look up by span.</summary>
    private sealed class TextMembership(IEnumerable<string> values) : IMembership
    {
        private readonly HashSet<string> _set = new(values, StringComparer.Ordinal);

        public void Probe(Vector value, ReadOnlySpan<int> rows, Vector result)
        {
            var lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
            var o = result.Data<byte>();
            var chars = new char[256];
            foreach (var i in rows)
            {
                if (value.Validity.IsNull(i))
                {
                    result.SetNull(i);
                    continue;
                }
                var bytes = value.GetBytes(i);
                if (bytes.Length > chars.Length)
                    chars = new char[bytes.Length];
                var n = Encoding.UTF8.GetChars(bytes, chars);
                o[i] = lookup.Contains(chars.AsSpan(0, n)) ? (byte)1 : (byte)0;
            }
        }
    }
}
