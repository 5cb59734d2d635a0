using Vnd.Planner.Catalog;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Chooses an overload the way PostgreSQL's func_select_candidate does for the common cases: exact matches win,
/// then the fewest implicit casts, casts to a category's preferred type (float8 for numbers, timestamptz for date
/// and time) counting less: ceil(int4) is ceil(float8), date_trunc(text, date) is date_trunc(text, timestamptz).
/// </summary>
internal static class FunctionResolver
{
    public sealed record Resolution(FunctionSignature Signature, SqlType[] ArgumentTypes, SqlType ReturnType);

    public static Resolution? Resolve(IEnumerable<FunctionSignature> candidates, IReadOnlyList<SqlType> arguments)
    {
        Resolution? best = null;
        var bestCost = int.MaxValue;
        foreach (var signature in candidates)
        {
            var match = Match(signature, arguments, out var cost);
            if (match is not null && cost < bestCost)
            {
                best = match;
                bestCost = cost;
            }
        }
        return best;
    }

    private static Resolution? Match(FunctionSignature signature, IReadOnlyList<SqlType> arguments, out int cost)
    {
        cost = 0;
        var parameters = signature.Parameters;
        if (signature.Variadic ? arguments.Count < parameters.Count : arguments.Count != parameters.Count)
        {
            return null;
        }
        var polymorphic = SqlType.Unknown;
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = ParameterAt(parameters, i);
            SqlType? element;
            if (TypeRules.IsUnknown(parameter))
            {
                element = arguments[i];
            }
            else if (IsAnyArray(parameter))
            {
                // anyarray: a typed array contributes its element type; an untyped '{…}' literal adapts to the others.
                if (arguments[i].Id != TypeId.Array && !TypeRules.IsUnknown(arguments[i]))
                {
                    return null;
                }
                element = arguments[i].Element;
            }
            else
            {
                continue;
            }
            if (element is null)
            {
                continue;
            }
            var next = TypeRules.CommonType(polymorphic, element);
            if (next is null)
            {
                return null;
            }
            polymorphic = next;
        }
        if (TypeRules.IsUnknown(polymorphic))
        {
            polymorphic = SqlType.Text;
        }
        var targets = new SqlType[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = ParameterAt(parameters, i);
            var target = TypeRules.IsUnknown(parameter) ? polymorphic : IsAnyArray(parameter) ? SqlType.ArrayOf(polymorphic) : parameter;
            targets[i] = target;
            if (TypeRules.SameType(arguments[i], target) || TypeRules.IsUnknown(arguments[i]))
            {
                continue;
            }
            if (!TypeRules.CanImplicitlyCast(arguments[i], target))
            {
                return null;
            }
            cost += target.Id is TypeId.Float8 or TypeId.TimestampTz ? 1 : 2;
        }
        var returns = signature.Rule switch
        {
            ReturnTypeRule.SameAsPolymorphic => polymorphic,
            ReturnTypeRule.ArrayOfPolymorphic => SqlType.ArrayOf(polymorphic),
            _ => signature.ReturnType,
        };
        return new Resolution(signature, targets, returns);
    }

    /// <summary>PostgreSQL's anyarray: an array parameter whose element is the polymorphic type.</summary>
    public static bool IsAnyArray(SqlType parameter) => parameter.Id == TypeId.Array && TypeRules.IsUnknown(parameter.Element!);

    private static SqlType ParameterAt(IReadOnlyList<SqlType> parameters, int index) =>
        index < parameters.Count ? parameters[index] : parameters[^1];
}
