using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// to_char(timestamp[tz], template) → text, and to_char(number, template) (<see cref="NumberTemplate"/>). The template is compiled once per distinct text (nearly always one
/// constant) once per batch, and each row is formatted into one builder reused through the batch.
/// </summary>
internal static class ToCharFunction
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (name != "to_char" || a.Count != 2)
            return null;
        if (a[0].Type.IsNumeric)
            return Number(name, a);
        if (a[0].Type.Id is TypeId.Interval or TypeId.Time)
            return Interval(name, a);
        return a[0].Type.Id is TypeId.Timestamp or TypeId.TimestampTz ? Timestamp(name, a[0], a[1], TimeZoneInfo.Utc) : null;
    }

    /// <summary>
    /// to_char(timestamp[tz], template); a timestamptz is printed on <paramref name="zone"/>'s wall clock (the
    /// session's TimeZone) with its offset and abbreviation there for OF/TZH/TZM and TZ.
    /// </summary>
    public static Expression Timestamp(string name, Expression value, Expression template, TimeZoneInfo zone)
    {
        var withZone = value.Type.Id == TypeId.TimestampTz;
        Expression[] args = [TypeUnification.To(value, withZone ? SqlType.TimestampTz : SqlType.Timestamp), TypeUnification.To(template, SqlType.Text)];
        TimeZoneLookup.ZoneRules? rules = withZone && zone != TimeZoneInfo.Utc ? new TimeZoneLookup.ZoneRules(zone) : null;
        // The zone's TZif file is read only if a template prints TZ, then once for the expression.
        Lazy<TimeZoneAbbreviations>? names = withZone ? new(() => new TimeZoneAbbreviations(zone)) : null;
        return new FunctionExpression(name, SqlType.Text, args, (values, r, rows) =>
        {
            // A state per batch: the expression is shared by the parallel workers, the builder and buffer are not.
            var state = new State();
            RowKernel.Each(values, r, rows, (v, result, row) => state.Format(v[0].Get<long>(row), v[1].GetBytes(row), rules, names, result, row));
        });
    }

    /// <summary>to_char(interval, template), and of a time as the interval since midnight.</summary>
    private static FunctionExpression Interval(string name, IReadOnlyList<Expression> a)
    {
        Expression[] args = [TypeUnification.To(a[0], SqlType.Interval), TypeUnification.To(a[1], SqlType.Text)];
        return new FunctionExpression(name, SqlType.Text, args, (values, r, rows) =>
        {
            var templates = new CompiledTemplates<DateTimeTemplate>(DateTimeTemplate.Compile);
            var text = new StringBuilder();
            RowKernel.Each(values, r, rows, (v, result, row) =>
            {
                text.Clear();
                templates.For(v[1].GetBytes(row)).FormatInterval(v[0].Get<PgInterval>(row), text);
                result.SetBytes(row, Encoding.UTF8.GetBytes(text.ToString()));
            });
        });
    }

    /// <summary>to_char(number, template): integers and numeric exactly, floats through decimal.</summary>
    private static FunctionExpression Number(string name, IReadOnlyList<Expression> a)
    {
        var type = a[0].Type.Id switch
        {
            TypeId.Float4 or TypeId.Float8 => SqlType.Float8,
            TypeId.Numeric => SqlType.Numeric,
            _ => SqlType.Int8,
        };
        Expression[] args = [TypeUnification.To(a[0], type), TypeUnification.To(a[1], SqlType.Text)];
        return new FunctionExpression(name, SqlType.Text, args, (values, r, rows) =>
        {
            var templates = new CompiledTemplates<NumberTemplate>(NumberTemplate.Compile);
            RowKernel.Each(values, r, rows, (v, result, row) =>
            {
                var template = templates.For(v[1].GetBytes(row));
                var value = type.Id switch
                {
                    TypeId.Numeric => v[0].Get<decimal>(row),
                    TypeId.Int8 => v[0].Get<long>(row),
                    _ => ToDecimal(v[0].Get<double>(row)),
                };
                result.SetBytes(row, Encoding.UTF8.GetBytes(template.Format(value, binary: type.Id == TypeId.Float8)));
            });
        });
    }

    private static decimal ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e28
            ? (decimal)value
            : throw new ExecutionException(Vnd.Planner.Errors.SqlState.NumericValueOutOfRange, "value out of range for to_char");

    private sealed class State
    {
        private readonly StringBuilder _text = new();
        private readonly CompiledTemplates<DateTimeTemplate> _templates = new(DateTimeTemplate.Compile);
        private byte[] _output = new byte[64];

        public void Format(long micros, ReadOnlySpan<byte> template, TimeZoneLookup.ZoneRules? rules, Lazy<TimeZoneAbbreviations>? names,
            Vector result, int row)
        {
            if (TemporalInfinity.IsTimestamp(micros))
            {
                result.SetNull(row); // timestamp_to_char: an infinite timestamp has no fields to print
                return;
            }
            var compiled = _templates.For(template);
            var local = rules?.UtcToLocalMicros(micros) ?? micros;
            var seconds = TimeUnits.FloorDiv(micros, 1_000_000);
            var zone = names is null ? ZoneStamp.None : new ZoneStamp(names, seconds, (int)((local - micros) / 1_000_000));
            var time = TimeUnits.MicrosToDateTime(local, DateTimeKind.Utc);
            _text.Clear();
            compiled.Format(time, micros - (seconds * 1_000_000), zone, _text);
            var length = 0;
            foreach (var chunk in _text.GetChunks())
                length += Encoding.UTF8.GetByteCount(chunk.Span);
            if (_output.Length < length)
                _output = new byte[Math.Max(length, _output.Length * 2)];
            var written = 0;
            foreach (var chunk in _text.GetChunks())
                written += Encoding.UTF8.GetBytes(chunk.Span, _output.AsSpan(written));
            result.SetBytes(row, _output.AsSpan(0, written));
        }
    }
}
