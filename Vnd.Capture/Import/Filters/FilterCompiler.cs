using Vnd.Capture.Fields;
using Vnd.Capture.ParseConfigs;

namespace Vnd.Capture.Import.Filters;

/// <summary>
/// Turns a validated filter expression (canonical field names, values that fit their fields) into predicate nodes
/// that read fields straight from a decoded packet.
/// </summary>
public sealed class FilterCompiler(FieldCatalog catalog)
{
    public PacketPredicate Compile(FilterExpr filter) => filter switch
    {
        AndExpr and => new AndPredicate(Compile(and.Left), Compile(and.Right)),
        OrExpr or => new OrPredicate(Compile(or.Left), Compile(or.Right)),
        NotExpr not => new NotPredicate(Compile(not.Operand)),
        FieldPresentExpr present => new FieldPresentPredicate(ResolveMarker(present.Field)),
        PredicateExpr predicate => CompilePredicate(predicate),
        _ => throw new InvalidOperationException($"unexpected filter node {filter.GetType().Name}"),
    };

    private PacketPredicate CompilePredicate(PredicateExpr predicate)
    {
        if (ProtocolPresence.TryGetMarker(predicate.Field.Name, out var marker))
        {
            // tcp = true / tcp != false / tcp in {false}: presence compared with a set of booleans.
            var wanted = false;
            var unwanted = false;
            foreach (var value in predicate.Values)
            {
                var b = ((BoolValue)value).Value;
                wanted |= b;
                unwanted |= !b;
            }
            PacketPredicate present = new FieldPresentPredicate(Resolve(new FieldReference(marker)));
            PacketPredicate matches = (wanted, unwanted) switch
            {
                (true, true) => new OrPredicate(present, new NotPredicate(present)),
                (true, false) => present,
                _ => new NotPredicate(present),
            };
            return predicate.Operator == ComparisonOperator.NotIn ? new NotPredicate(matches) : matches;
        }
        var field = Resolve(predicate.Field);
        var negated = predicate.Operator == ComparisonOperator.NotIn;
        if (predicate.Operator is not (ComparisonOperator.In or ComparisonOperator.NotIn))
        {
            if (predicate.Values.Count != 1 || predicate.Values[0] is not IntegerValue bound)
                throw new InvalidOperationException($"ordering comparison on {field.Name} needs one integer");
            return new IntegerComparisonPredicate(field, predicate.Operator, bound.Value);
        }

        var values = predicate.Values;
        switch (field.Kind)
        {
            case FieldKind.Address:
                var networks = new UInt128[values.Count];
                var masks = new UInt128[values.Count];
                Span<byte> bytes = stackalloc byte[16];
                for (var i = 0; i < values.Count; i++)
                {
                    var address = (AddressValue)values[i];
                    address.Address.TryWriteBytes(bytes, out var written);
                    masks[i] = AddressSetPredicate.Mask(address.PrefixLength, written == 4);
                    networks[i] = AddressSetPredicate.ToMapped(bytes[..written]) & masks[i];
                }
                return new AddressSetPredicate(field, networks, masks, negated);
            case FieldKind.Text:
                var texts = new string[values.Count];
                for (var i = 0; i < values.Count; i++)
                    texts[i] = ((StringValue)values[i]).Value;
                return new TextSetPredicate(field, texts, negated);
            default:
                var lows = new long[values.Count];
                var highs = new long[values.Count];
                for (var i = 0; i < values.Count; i++)
                {
                    (lows[i], highs[i]) = values[i] switch
                    {
                        IntegerValue v => (v.Value, v.Value),
                        RangeValue r => (r.Low, r.High),
                        BoolValue b => (b.Value ? 1L : 0L, b.Value ? 1L : 0L),
                        MacValue m => ((long)m.Value, (long)m.Value),
                        _ => throw new InvalidOperationException($"a {values[i].KindName} cannot match {field.Name}"),
                    };
                }
                return new IntegerSetPredicate(field, lows, highs, negated);
        }
    }

    private FieldDescriptor ResolveMarker(FieldReference reference)
        => Resolve(ProtocolPresence.TryGetMarker(reference.Name, out var marker) ? new FieldReference(marker) : reference);

    private FieldDescriptor Resolve(FieldReference reference)
        => catalog.TryResolve(reference.Name, out var field)
            ? field
            : throw new InvalidOperationException($"field {reference.Name} is not in the catalog");
}
