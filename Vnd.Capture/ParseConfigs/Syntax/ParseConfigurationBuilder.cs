namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>
/// Turns parsed sections into the <see cref="ParseConfiguration"/> AST: one rule per
/// <c>Fields</c> group, default table ids applied, and items naming the same column merged into one
/// <see cref="ColumnSpec"/> (columns in order of first appearance, fields in order written).
/// </summary>
internal static class ParseConfigurationBuilder
{
    public static ParseConfiguration Build(IReadOnlyList<TraceSection> sections)
    {
        var rules = new List<ParseRule>();
        foreach (var section in sections)
        {
            var derived = 0;
            foreach (var rule in section.Rules)
            {
                if (rule.Filter is not null)
                {
                    NestingGuard.CheckDepth(rule.Filter);
                }

                var tableId = rule.TableId ?? DefaultTableIds.For(section.TraceId, ++derived);
                var columns = MergeColumns(rule.Items);
                rules.Add(new ParseRule(section.TraceId, tableId, rule.TableId is null, rule.Filter, columns)
                {
                    Position = rule.Position,
                    TableIdPosition = rule.TableIdPosition,
                });
            }
        }

        return new ParseConfiguration(new ValueList<ParseRule>(rules)) { Position = new SourcePosition(1, 1) };
    }

    private static ValueList<ColumnSpec> MergeColumns(IReadOnlyList<ColumnItem> items)
    {
        var order = new List<string>();
        var fields = new Dictionary<string, List<FieldReference>>(StringComparer.Ordinal);
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = item.Alias ?? ColumnNameFor(item.Field);
            if (!fields.TryGetValue(name, out var list))
            {
                list = [];
                fields.Add(name, list);
                positions.Add(name, item.AliasPosition);
                order.Add(name);
            }

            foreach (var existing in list)
            {
                if (existing.Name == item.Field.Name)
                {
                    throw new ParseConfigurationException(
                        ConfigErrorKind.Naming,
                        item.Field.Position,
                        $"field {item.Field.Name} already fills column {name}");
                }
            }

            list.Add(item.Field);
        }

        var columns = new List<ColumnSpec>(order.Count);
        foreach (var name in order)
        {
            columns.Add(new ColumnSpec(name, new ValueList<FieldReference>(fields[name])) { Position = positions[name] });
        }

        return new ValueList<ColumnSpec>(columns);
    }

    /// <summary>A field without <c>as</c> names its column: dots become '_' (<c>ip.src</c> → <c>ip_src</c>).</summary>
    private static string ColumnNameFor(FieldReference field)
    {
        var name = field.Name.Replace('.', '_');
        if (SqlIdentifier.Check(name, out var identifier) is { } why)
        {
            throw new ParseConfigurationException(
                ConfigErrorKind.Naming,
                field.Position,
                $"cannot name a column after field {field.Name}: {why}; add 'as <name>'");
        }

        return identifier;
    }
}
