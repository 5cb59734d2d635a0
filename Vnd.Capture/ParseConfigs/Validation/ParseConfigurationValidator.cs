using Vnd.Capture.ParseConfigs.Syntax;
using Vnd.Planner.Types;

namespace Vnd.Capture.ParseConfigs.Validation;

/// <summary>
/// Checks a parsed configuration against the field catalog: every field exists, every filter value
/// fits its field's type, the fields sharing a column have compatible types, and no two rules make
/// the same table. All problems are reported together, each at its line and column.
/// </summary>
public static class ParseConfigurationValidator
{
    /// <exception cref="ParseConfigurationException">One or more problems; see its Diagnostics.</exception>
    public static BoundParseConfiguration Validate(ParseConfiguration configuration, IFieldResolver fields)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(fields);
        var diagnostics = new List<ConfigDiagnostic>();
        var binder = new FilterBinder(fields, diagnostics);
        var tables = new List<BoundTraceTable>(configuration.Rules.Count);
        var tableIds = new Dictionary<string, ParseRule>(StringComparer.Ordinal);
        foreach (var rule in configuration.Rules)
        {
            if (tableIds.TryGetValue(rule.TableId, out var first))
            {
                diagnostics.Add(new ConfigDiagnostic(ConfigErrorKind.Naming, rule.TableIdPosition, DuplicateTable(rule, first)));
            }
            else
            {
                tableIds.Add(rule.TableId, rule);
            }

            FilterExpr? filter = null;
            if (rule.Filter is not null)
            {
                NestingGuard.CheckDepth(rule.Filter);
                filter = binder.Bind(rule.Filter);
            }

            var columns = new List<BoundColumn>(rule.Columns.Count);
            foreach (var column in rule.Columns)
            {
                columns.Add(BindColumn(column, fields, diagnostics));
            }

            tables.Add(new BoundTraceTable(rule.TraceId, rule.TableId, filter, new ValueList<BoundColumn>(columns)));
        }

        if (diagnostics.Count > 0)
        {
            throw new ParseConfigurationException(diagnostics);
        }

        return new BoundParseConfiguration(new ValueList<BoundTraceTable>(tables));
    }

    private static string DuplicateTable(ParseRule rule, ParseRule first)
    {
        var hint = rule.TableIdDerived ? " (this rule has no Table ID, so its id was derived; add one)" : "";
        return $"table id {rule.TableId} is already used by the rule at {first.TableIdPosition}{hint}";
    }

    private static BoundColumn BindColumn(ColumnSpec column, IFieldResolver fields, List<ConfigDiagnostic> diagnostics)
    {
        SqlType? type = null;
        string? typeSource = null;
        var canonical = new List<string>(column.Fields.Count);
        foreach (var field in column.Fields)
        {
            if (!fields.TryResolve(field.Name, out var fieldType, out var name))
            {
                diagnostics.Add(new ConfigDiagnostic(ConfigErrorKind.Type, field.Position, $"unknown field {field.Name}"));
                continue;
            }

            canonical.Add(name);
            if (type is null)
            {
                (type, typeSource) = (fieldType, field.Name);
                continue;
            }

            if (ColumnTypes.Unify(type, fieldType) is { } unified)
            {
                type = unified;
            }
            else
            {
                diagnostics.Add(new ConfigDiagnostic(
                    ConfigErrorKind.Type,
                    field.Position,
                    $"column {column.Name} cannot hold both {typeSource} ({ColumnTypes.Describe(type)}) and {field.Name} ({ColumnTypes.Describe(fieldType)})"));
            }
        }

        return new BoundColumn(column.Name, type ?? SqlType.Unknown, new ValueList<string>(canonical));
    }
}
