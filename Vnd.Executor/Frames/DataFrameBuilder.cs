using Microsoft.Data.Analysis;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Frames;

/// <summary>
/// Collects query result batches into a Microsoft.Data.Analysis <see cref="DataFrame"/> for .NET diagnosis apps
/// (the engine itself never computes on DataFrames: they are the edge, not the executor). Columns are typed and
/// NULLs stay nulls: bool → Boolean, int2/int4/int8 → Int16/Int32/Int64, float4/float8 → Double, numeric →
/// Decimal, timestamp/timestamptz → DateTime (UTC), date → DateTime (midnight UTC), their infinities →
/// DateTime.MaxValue/MinValue (Npgsql's legacy mapping; DateTime has none), interval → TimeSpan (a month
/// counted as 30 days, as PostgreSQL compares intervals), text → string, and inet/cidr, macaddr, bytea, oid and
/// arrays → their PostgreSQL text form as a string ("10.0.0.1", "10.0.0.0/8", "\x0102").
/// </summary>
public sealed class DataFrameBuilder
{
    private readonly FrameColumnKind[] _kinds;
    private readonly DataFrameColumn[] _columns;
    private readonly SqlType[] _types;

    public DataFrameBuilder(IReadOnlyList<string> names, IReadOnlyList<SqlType> types)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(types);
        if (names.Count != types.Count)
            throw new ArgumentException($"{names.Count} names for {types.Count} column types", nameof(names));
        _types = [.. types];
        _kinds = new FrameColumnKind[types.Count];
        _columns = new DataFrameColumn[types.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < _kinds.Length; c++)
        {
            _kinds[c] = KindOf(types[c]);
            _columns[c] = Create(_kinds[c], UniqueName(names[c], seen));
        }
    }

    /// <summary>Rows collected so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Appends the batch's live rows (its selection, if any).</summary>
    public void Append(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var rows = batch.Rows;
        for (var c = 0; c < _columns.Length; c++)
            AppendColumn(c, batch[c], rows);
        RowCount += rows.Length;
    }

    public DataFrame ToDataFrame() => new(_columns);

    private void AppendColumn(int c, Vector vector, ReadOnlySpan<int> rows)
    {
        switch (_kinds[c])
        {
            case FrameColumnKind.Boolean:
                var booleans = (BooleanDataFrameColumn)_columns[c];
                foreach (var r in rows)
                    booleans.Append(vector.IsNull(r) ? null : vector.Get<byte>(r) != 0);
                break;
            case FrameColumnKind.Int16:
                Copy(vector, rows, (Int16DataFrameColumn)_columns[c]);
                break;
            case FrameColumnKind.Int32:
                Copy(vector, rows, (Int32DataFrameColumn)_columns[c]);
                break;
            case FrameColumnKind.Int64:
                Copy(vector, rows, (Int64DataFrameColumn)_columns[c]);
                break;
            case FrameColumnKind.Double:
                Copy(vector, rows, (DoubleDataFrameColumn)_columns[c]);
                break;
            case FrameColumnKind.Decimal:
                Copy(vector, rows, (DecimalDataFrameColumn)_columns[c]);
                break;
            case FrameColumnKind.Timestamp:
                var timestamps = (DateTimeDataFrameColumn)_columns[c];
                var unit = _types[c].Unit;
                foreach (var r in rows)
                    timestamps.Append(vector.IsNull(r) ? null : Timestamp(vector.Get<long>(r), unit));
                break;
            case FrameColumnKind.Date:
                var dates = (DateTimeDataFrameColumn)_columns[c];
                foreach (var r in rows)
                    dates.Append(vector.IsNull(r) ? null : Date(vector.Get<int>(r)));
                break;
            case FrameColumnKind.Interval:
                var intervals = (PrimitiveDataFrameColumn<TimeSpan>)_columns[c];
                foreach (var r in rows)
                    intervals.Append(vector.IsNull(r) ? null : ToTimeSpan(vector.Get<PgInterval>(r)));
                break;
            case FrameColumnKind.Time:
                var times = (PrimitiveDataFrameColumn<TimeSpan>)_columns[c];
                foreach (var r in rows)
                    times.Append(vector.IsNull(r) ? null : TimeSpan.FromTicks(vector.Get<long>(r) * TimeSpan.TicksPerMicrosecond));
                break;
            case FrameColumnKind.Utf8:
                var texts = (StringDataFrameColumn)_columns[c];
                foreach (var r in rows)
                    texts.Append(vector.IsNull(r) ? null : System.Text.Encoding.UTF8.GetString(vector.GetBytes(r)));
                break;
            default:
                var formatted = (StringDataFrameColumn)_columns[c];
                foreach (var r in rows)
                    formatted.Append(VectorValues.Get(vector, r) is { } value ? ValueFormatter.Format(value, _types[c]) : null);
                break;
        }
    }

    private static void Copy<T>(Vector vector, ReadOnlySpan<int> rows, PrimitiveDataFrameColumn<T> column) where T : unmanaged
    {
        var data = vector.Data<T>();
        var constant = vector.IsConstant;
        foreach (var r in rows)
            column.Append(vector.IsNull(r) ? null : data[constant ? 0 : r]);
    }

    private static TimeSpan ToTimeSpan(PgInterval interval) =>
        TimeSpan.FromTicks((long)(interval.TotalMicros * TimeSpan.TicksPerMicrosecond));

    private static FrameColumnKind KindOf(SqlType type) => type.Id switch
    {
        TypeId.Bool => FrameColumnKind.Boolean,
        TypeId.Int2 => FrameColumnKind.Int16,
        TypeId.Int4 => FrameColumnKind.Int32,
        TypeId.Int8 => FrameColumnKind.Int64,
        TypeId.Float4 or TypeId.Float8 => FrameColumnKind.Double,
        TypeId.Numeric => FrameColumnKind.Decimal,
        TypeId.Timestamp or TypeId.TimestampTz => FrameColumnKind.Timestamp,
        TypeId.Date => FrameColumnKind.Date,
        TypeId.Interval => FrameColumnKind.Interval,
        TypeId.Time => FrameColumnKind.Time,
        TypeId.Text or TypeId.Unknown => FrameColumnKind.Utf8,
        _ => FrameColumnKind.Formatted,
    };

    private static DataFrameColumn Create(FrameColumnKind kind, string name) => kind switch
    {
        FrameColumnKind.Boolean => new BooleanDataFrameColumn(name),
        FrameColumnKind.Int16 => new Int16DataFrameColumn(name),
        FrameColumnKind.Int32 => new Int32DataFrameColumn(name),
        FrameColumnKind.Int64 => new Int64DataFrameColumn(name),
        FrameColumnKind.Double => new DoubleDataFrameColumn(name),
        FrameColumnKind.Decimal => new DecimalDataFrameColumn(name),
        FrameColumnKind.Timestamp or FrameColumnKind.Date => new DateTimeDataFrameColumn(name),
        FrameColumnKind.Interval or FrameColumnKind.Time => new PrimitiveDataFrameColumn<TimeSpan>(name),
        _ => new StringDataFrameColumn(name),
    };

    /// <summary>A DataFrame refuses two columns of one name, which SQL allows (<c>select count(*), count(*)</c>):
    /// later ones get a suffix, "count_2".</summary>
    private static string UniqueName(string name, Dictionary<string, int> seen)
    {
        if (!seen.TryGetValue(name, out var count))
        {
            seen[name] = 1;
            return name;
        }
        seen[name] = count + 1;
        return UniqueName($"{name}_{count + 1}", seen);
    }

    private static DateTime Timestamp(long stored, TimeUnit unit) => TemporalInfinity.IsTimestamp(stored)
        ? (stored > 0 ? DateTime.MaxValue : DateTime.MinValue)
        : DateTime.UnixEpoch.AddTicks(TimeUnits.ToTicks(stored, unit));

    private static DateTime Date(int days) => TemporalInfinity.IsDate(days)
        ? (days > 0 ? DateTime.MaxValue : DateTime.MinValue)
        : DateTime.UnixEpoch.AddDays(days);
}
