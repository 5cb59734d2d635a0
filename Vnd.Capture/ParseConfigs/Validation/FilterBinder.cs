namespace Vnd.Capture.ParseConfigs.Validation;

/// <summary>
/// Checks a filter against the field catalog and rewrites its field names to canonical ones. The
/// recursion is safe because the parser (and <see cref="ParseConfigurationValidator"/> for
/// configurations built in code) bounds filter depth.
/// </summary>
internal sealed class FilterBinder(IFieldResolver fields, List<ConfigDiagnostic> diagnostics)
{
    public FilterExpr Bind(FilterExpr filter) => filter switch
    {
        NotExpr not => not with { Operand = Bind(not.Operand) },
        AndExpr and => and with { Left = Bind(and.Left), Right = Bind(and.Right) },
        OrExpr or => or with { Left = Bind(or.Left), Right = Bind(or.Right) },
        FieldPresentExpr present => present with { Field = Resolve(present.Field, out _) },
        PredicateExpr predicate => BindPredicate(predicate),
        _ => throw new InvalidOperationException($"unknown filter node {filter.GetType().Name}"),
    };

    private PredicateExpr BindPredicate(PredicateExpr predicate)
    {
        var field = Resolve(predicate.Field, out var type);
        if (type is not null)
        {
            foreach (var value in predicate.Values)
            {
                if (FilterValueFit.Check(predicate.Field.Name, type, predicate.Operator, value) is { } why)
                {
                    diagnostics.Add(new ConfigDiagnostic(ConfigErrorKind.Type, value.Position, why));
                }
            }
        }

        return predicate with { Field = field };
    }

    private FieldReference Resolve(FieldReference field, out Vnd.Planner.Types.SqlType? type)
    {
        if (fields.TryResolve(field.Name, out var resolved, out var canonical))
        {
            type = resolved;
            return field with { Name = canonical };
        }

        type = null;
        diagnostics.Add(new ConfigDiagnostic(ConfigErrorKind.Type, field.Position, $"unknown field {field.Name}"));
        return field;
    }
}
