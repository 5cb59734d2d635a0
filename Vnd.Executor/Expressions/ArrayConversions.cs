using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Casts to an array type on the slow (boxed) path: text to T[] is array_in (the text form parsed, each element
/// read by T's input function), S[] to T[] casts each element. Arrays are one-dimensional with lower bound 1;
/// other shapes are 0A000 rather than a wrong answer. <c>zone</c> is the session's TimeZone for timestamptz elements.
/// </summary>
internal static class ArrayConversions
{
    public static ArrayValue ToArray(object value, SqlType from, SqlType element, DateTime? now = null, TimeZoneInfo? zone = null) => value switch
    {
        string text => Parse(text, element, now, zone),
        ArrayValue array => Cast(array, element, now, zone),
        _ => throw new ExecutionException(SqlState.CannotCoerce, $"cannot cast type {from.PgName} to {element.PgName}[]"),
    };

    public static ArrayValue Parse(string text, SqlType element, DateTime? now = null, TimeZoneInfo? zone = null)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("{{", StringComparison.Ordinal))
            throw new ExecutionException(SqlState.FeatureNotSupported, "multidimensional arrays are not supported");
        if (!trimmed.StartsWith('{'))
            throw new ExecutionException(SqlState.InvalidTextRepresentation, $"malformed array literal: \"{text}\"");
        var (lower, elements) = ArrayText.Parse(trimmed);
        if (lower != 1)
            throw new ExecutionException(SqlState.FeatureNotSupported, "arrays with a lower bound other than 1 are not supported");
        var items = new object?[elements.Count];
        for (var i = 0; i < items.Length; i++)
            items[i] = elements[i] is { } item ? ValueConverter.Convert(item, SqlType.Text, element, now, zone) : null;
        return new ArrayValue(element, items);
    }

    private static ArrayValue Cast(ArrayValue array, SqlType element, DateTime? now, TimeZoneInfo? zone)
    {
        var items = new object?[array.Items.Count];
        for (var i = 0; i < items.Length; i++)
            items[i] = ValueConverter.Convert(array.Items[i], array.Element, element, now, zone);
        return new ArrayValue(element, items);
    }
}
