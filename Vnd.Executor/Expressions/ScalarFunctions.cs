using Vnd.Planner.Errors;
namespace Vnd.Executor.Expressions;

/// <summary>
/// The scalar function catalog: resolves a name and bound arguments to an expression with a typed kernel.
/// Unknown names or argument lists raise 42883 like PostgreSQL's "function ... does not exist".
/// </summary>
public static class ScalarFunctions
{
    public static Expression Resolve(string name, IReadOnlyList<Expression> arguments)
    {
        var lower = name.ToLowerInvariant();
        var resolved = lower switch
        {
            "greatest" or "least" when arguments.Count > 0 => GreatestLeast.Resolve(lower, arguments),
            "coalesce" when arguments.Count > 0 => Expr.Coalesce([.. arguments]),
            "nullif" when arguments.Count == 2 => Expr.NullIf(arguments[0], arguments[1]),
            _ => MathFunctions.Resolve(lower, arguments) ?? TextFunctions.Resolve(lower, arguments) ?? TimeFunctions.Resolve(lower, arguments)
                ?? NetworkFunctions.Resolve(lower, arguments) ?? StringFunctions.Resolve(lower, arguments) ?? OperatorFunctions.Resolve(lower, arguments)
                ?? ClockFunctions.Resolve(lower, arguments) ?? DateConstructors.Resolve(lower, arguments)
                ?? ZonedTimeFunctions.Resolve(lower, arguments) ?? Formatting.ToCharFunction.Resolve(lower, arguments) ?? Formatting.ToTimestampFunction.Resolve(lower, arguments)
                ?? Formatting.FormatFunction.Resolve(lower, arguments) ?? Formatting.ToNumberFunction.Resolve(lower, arguments) ?? BucketAndRandomFunctions.Resolve(lower, arguments)
                ?? OutputText.Resolve(lower, arguments)
                ?? RegexMatch.Resolve(lower, arguments) ?? RegexSearchFunctions.Resolve(lower, arguments) ?? RegexFunctions.Resolve(lower, arguments) ?? CatalogTextFunctions.Resolve(lower, arguments)
                ?? ArrayFunctions.Resolve(lower, arguments) ?? ArrayQuantified.Resolve(lower, arguments) ?? ArrayTextFunctions.Resolve(lower, arguments)
                ?? ArrayBuilders.Resolve(lower, arguments) ?? ArrayTextBuilders.Resolve(lower, arguments)
                ?? RecordTextFunctions.Resolve(lower, arguments) ?? RecordKey.Resolve(lower, arguments) ?? ByteaFunctions.Resolve(lower, arguments)
                ?? TextEditFunctions.Resolve(lower, arguments) ?? TrigonometricFunctions.Resolve(lower, arguments)
                ?? IntegerMathFunctions.Resolve(lower, arguments) ?? IntervalFunctions.Resolve(lower, arguments)
                ?? ArrayEditFunctions.Resolve(lower, arguments) ?? SimilarToPattern.Resolve(lower, arguments)
                ?? Json.JsonFunctions.Resolve(lower, arguments) ?? ArrayContainment.Resolve(lower, arguments) ?? NullCounting.Resolve(lower, arguments),
        };
        return resolved ?? throw new ExecutionException(SqlState.UndefinedFunction,
            $"function {lower}({string.Join(", ", arguments.Select(a => a.Type.PgName))}) does not exist");
    }
}
