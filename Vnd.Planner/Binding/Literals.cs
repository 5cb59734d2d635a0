using System.Globalization;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Converts literal text to a typed constant the way PostgreSQL's input functions would at parse analysis, so a
/// bad literal fails at bind time with 22P02. Types without a CLR form in plans keep their text (see BoundLiteral).
/// </summary>
internal static class Literals
{
    public static BoundLiteral Convert(string text, SqlType type, SqlNode node)
    {
        var trimmed = text.Trim();
        object? value = type.Id switch
        {
            TypeId.Int2 => short.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : null,
            TypeId.Int4 => int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
            TypeId.Int8 => long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
            TypeId.Float4 or TypeId.Float8 => ParseFloat(trimmed),
            TypeId.Numeric => decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            TypeId.Bool => ParseBool(trimmed),
            _ => text,
        };
        return value is null
            ? throw BinderErrors.Error(BinderErrors.InvalidTextRepresentation, $"invalid input syntax for type {type.PgName}: \"{text}\"", node)
            : new BoundLiteral(value, type);
    }

    private static object? ParseFloat(string text) => text.ToLowerInvariant() switch
    {
        "nan" => double.NaN,
        "infinity" or "+infinity" or "inf" => double.PositiveInfinity,
        "-infinity" or "-inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null,
    };

    private static object? ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "t" or "true" or "y" or "yes" or "on" or "1" => true,
        "f" or "false" or "n" or "no" or "off" or "0" => false,
        _ => null,
    };
}
