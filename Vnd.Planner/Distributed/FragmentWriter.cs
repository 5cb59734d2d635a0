using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;
using Tags = Vnd.Planner.Distributed.FragmentTags;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Writes the fragment encoding: a tag byte per node, LEB128 varints for counts, ids and lengths, UTF-8 strings.
/// Nodes the table servers cannot run (windows, subqueries) are refused here, at the coordinator, with 0A000.
/// </summary>
internal sealed class FragmentWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Ticket(FragmentTicket ticket)
    {
        String(ticket.Site.Name);
        Bool(ticket.Times is not null);
        if (ticket.Times is { } times)
        {
            VarInt(times.Statement.Ticks);
            OptionalLong(times.Transaction?.Ticks);
            String(times.TimeZone);
        }
        Plan(ticket.Plan);
        VarInt(ticket.Inputs.Count);
        foreach (var input in ticket.Inputs)
        {
            VarInt(input.Producer);
            String(input.Site.Name);
            String(input.Endpoint);
            Ticket(input.Ticket);
        }
    }

    public void Byte(byte value) => _buffer.Write([value]);

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void VarInt(long value)
    {
        // Zig-zag, so small negative numbers (none expected, but ids are ints) stay short.
        var encoded = (ulong)((value << 1) ^ (value >> 63));
        Span<byte> bytes = stackalloc byte[10];
        var n = 0;
        do
        {
            var b = (byte)(encoded & 0x7F);
            encoded >>= 7;
            bytes[n++] = encoded == 0 ? b : (byte)(b | 0x80);
        }
        while (encoded != 0);
        _buffer.Write(bytes[..n]);
    }

    public void String(string value)
    {
        VarInt(Encoding.UTF8.GetByteCount(value));
        var span = _buffer.GetSpan(Encoding.UTF8.GetByteCount(value));
        _buffer.Advance(Encoding.UTF8.GetBytes(value, span));
    }

    public void Type(SqlType type)
    {
        Byte((byte)type.Id);
        Byte((byte)type.Unit);
        Byte((byte)type.Family);
        if (type.Id == TypeId.Array)
            Type(type.Element!);
    }

    public void Column(PlanColumn column)
    {
        VarInt(column.Id.Value);
        String(column.Name);
        Type(column.Type);
    }

    public void Plan(LogicalPlan plan)
    {
        switch (plan)
        {
            case Scan s:
                Byte((byte)Tags.Plan.Scan);
                String(s.Schema);
                String(s.Table);
                List(s.Columns, c => { Column(c.Column); VarInt(c.Ordinal); });
                List(s.Filters, Expr);
                List(s.PruningHints, Range);
                OptionalLong(s.Fetch);
                break;
            case Filter f:
                Byte((byte)Tags.Plan.Filter);
                Plan(f.Input);
                Expr(f.Predicate);
                break;
            case Project p:
                Byte((byte)Tags.Plan.Project);
                Plan(p.Input);
                List(p.Items, Item);
                break;
            case Aggregate a:
                Byte((byte)Tags.Plan.Aggregate);
                Plan(a.Input);
                List(a.Groups, Item);
                List(a.Aggregates, x => { Column(x.Column); Expr(x.Call); });
                break;
            case Join j:
                Byte((byte)Tags.Plan.Join);
                Byte((byte)j.Type);
                Plan(j.Left);
                Plan(j.Right);
                List(j.Keys, k => { Expr(k.Left); Expr(k.Right); });
                Expr(j.Residual);
                break;
            case Sort s:
                Byte((byte)Tags.Plan.Sort);
                Plan(s.Input);
                List(s.Keys, Key);
                OptionalLong(s.Fetch);
                break;
            case Limit l:
                Byte((byte)Tags.Plan.Limit);
                Plan(l.Input);
                Expr(l.Count);
                Expr(l.Offset);
                List(l.Ties, Key);
                break;
            case Distinct d:
                Byte((byte)Tags.Plan.Distinct);
                Plan(d.Input);
                List(d.On, Expr);
                break;
            case Values v:
                Byte((byte)Tags.Plan.Values);
                List(v.Columns, Column);
                List(v.Rows, row => List(row, Expr));
                break;
            case SeriesScan s:
                Byte((byte)Tags.Plan.Series);
                Column(s.Column);
                List(s.Arguments, Expr);
                break;
            case SetOperationPlan s:
                Byte((byte)Tags.Plan.SetOperation);
                Byte((byte)s.Operator);
                Bool(s.All);
                Plan(s.Left);
                Plan(s.Right);
                List(s.Columns, Column);
                break;
            case BloomFilterBuild b:
                Byte((byte)Tags.Plan.BloomFilterBuild);
                Plan(b.Input);
                List(b.Keys, Expr);
                VarInt(b.Bits);
                VarInt(b.Hashes);
                Column(b.Offset);
                Column(b.Chunk);
                break;
            case BloomFilterProbe b:
                Byte((byte)Tags.Plan.BloomFilterProbe);
                Plan(b.Input);
                Plan(b.Filter);
                List(b.Keys, Expr);
                VarInt(b.Bits);
                VarInt(b.Hashes);
                break;
            case SetSketchBuild s:
                Byte((byte)Tags.Plan.SetSketchBuild);
                Plan(s.Input);
                Expr(s.Key);
                VarInt(s.Cells);
                Column(s.Offset);
                Column(s.Chunk);
                break;
            case SetDifferenceJoin s:
                Byte((byte)Tags.Plan.SetDifferenceJoin);
                Byte((byte)s.Type);
                Plan(s.Input);
                Plan(s.Sketch);
                Plan(s.Retry);
                Plan(s.Fallback);
                Expr(s.Key);
                VarInt(s.Cells);
                break;
            case ReconciledPartial r:
                Byte((byte)Tags.Plan.ReconciledPartial);
                Plan(r.Input);
                Plan(r.Sketch);
                Plan(r.Retry);
                Expr(r.Key);
                List(r.Terms, Expr);
                VarInt(r.Cells);
                Column(r.KeyColumn);
                Column(r.Summary);
                break;
            case ReconciledAggregate r:
                Byte((byte)Tags.Plan.ReconciledAggregate);
                Plan(r.Input);
                Plan(r.Partial);
                Plan(r.Fallback);
                Expr(r.Key);
                List(r.Terms, Expr);
                List(r.Aggregates, Decomposed);
                break;
            default:
                throw new FragmentFormatException("0A000", $"{plan.GetType().Name} cannot run on a table server yet");
        }
    }

    public void List<T>(IReadOnlyList<T> items, Action<T> write)
    {
        VarInt(items.Count);
        foreach (var item in items)
            write(item);
    }

    public void OptionalLong(long? value)
    {
        Bool(value is not null);
        if (value is { } v)
            VarInt(v);
    }

    private void Item(ProjectItem item)
    {
        Column(item.Column);
        Expr(item.Expr);
    }

    private void Decomposed(DecomposedAggregate aggregate)
    {
        Column(aggregate.Column);
        Byte((byte)aggregate.Kind);
        VarInt(aggregate.Limit);
        List(aggregate.Terms, t => { Bool(t.Local); VarInt(t.Index); Bool(t.Negative); });
    }

    internal void Key(SortKey key)
    {
        Expr(key.Expr);
        Bool(key.Descending);
        Bool(key.NullsFirst);
    }

    private void Range(ColumnRange range)
    {
        Column(range.Column);
        Expr(range.Lower);
        Bool(range.LowerInclusive);
        Expr(range.Upper);
        Bool(range.UpperInclusive);
    }

    public void Expr(BoundExpr? expr) => new FragmentExprWriter(this).Write(expr);

    public void Value(object? value)
    {
        switch (value)
        {
            case null: Byte((byte)Tags.Value.Null); break;
            case bool b: Byte((byte)Tags.Value.Bool); Bool(b); break;
            case short s: Byte((byte)Tags.Value.Int16); VarInt(s); break;
            case int i: Byte((byte)Tags.Value.Int32); VarInt(i); break;
            case long l: Byte((byte)Tags.Value.Int64); VarInt(l); break;
            case decimal d:
                Byte((byte)Tags.Value.Decimal);
                Span<int> bits = stackalloc int[4];
                decimal.GetBits(d, bits);
                foreach (var part in bits)
                    VarInt(part);
                break;
            case double d:
                Byte((byte)Tags.Value.Double);
                var span = _buffer.GetSpan(8);
                BinaryPrimitives.WriteDoubleLittleEndian(span, d);
                _buffer.Advance(8);
                break;
            case string s: Byte((byte)Tags.Value.String); String(s); break;
            default:
                throw new FragmentFormatException("0A000", $"a constant of CLR type {value.GetType().Name} cannot be encoded");
        }
    }
}
