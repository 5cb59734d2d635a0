using System.Buffers.Binary;
using System.Text;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;
using Tags = Vnd.Planner.Distributed.FragmentTags;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Reads the fragment encoding defensively: the ticket comes off the network. Every length and count is checked
/// against the bytes left before anything is allocated, nesting is bounded, and any inconsistency is a
/// <see cref="FragmentFormatException"/> (08P01) naming the offset — never an IndexOutOfRange from deep inside.
/// </summary>
internal sealed class FragmentReader(byte[] data, int start)
{
    private const int MaxDepth = 200;
    private int _position = start;
    private int _depth;

    public bool AtEnd => _position == data.Length;

    public int Position => _position;

    public FragmentTicket Ticket()
    {
        Enter();
        var site = new Site(String());
        var times = Bool() ? new StatementTimes(Instant(VarInt()), OptionalLong() is { } transaction ? Instant(transaction) : null, String()) : null;
        var plan = Plan();
        var inputs = List(() => new FragmentInput(Int(), new Site(String()), String(), Ticket()));
        Leave();
        return new FragmentTicket(site, plan, inputs) { Times = times };
    }

    /// <summary>A UTC instant from its ticks, which must be a <see cref="DateTime"/>'s.</summary>
    private DateTime Instant(long ticks) =>
        ticks >= 0 && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : throw Fail($"instant of {ticks} ticks out of range");

    public byte Byte()
    {
        if (_position >= data.Length)
            throw Fail("unexpected end of fragment");
        return data[_position++];
    }

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var b => throw Fail($"invalid boolean {b}"),
    };

    public long VarInt()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = Byte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return (long)(result >> 1) ^ -(long)(result & 1);
        }
        throw Fail("varint longer than 10 bytes");
    }

    public int Int()
    {
        var value = VarInt();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Fail($"value {value} out of range");
    }

    public string String()
    {
        var length = Int();
        if (length < 0 || length > data.Length - _position)
            throw Fail($"string length {length} exceeds the fragment");
        var value = Encoding.UTF8.GetString(data, _position, length);
        _position += length;
        return value;
    }

    public SqlType Type()
    {
        Enter();
        var id = (TypeId)Byte();
        var unit = (Types.TimeUnit)Byte();
        var family = (InetFamily)Byte();
        SqlType? type = id switch
        {
            TypeId.Array => SqlType.ArrayOf(Type()),
            TypeId.TimestampTz => SqlType.TimestampTzOf(unit),
            TypeId.Inet => family switch { InetFamily.V4 => SqlType.Inet4, InetFamily.V6 => SqlType.Inet6, _ => SqlType.Inet },
            TypeId.Unknown => SqlType.Unknown, TypeId.Null => SqlType.Null, TypeId.Bool => SqlType.Bool,
            TypeId.Int2 => SqlType.Int2, TypeId.Int4 => SqlType.Int4, TypeId.Int8 => SqlType.Int8,
            TypeId.Float4 => SqlType.Float4, TypeId.Float8 => SqlType.Float8, TypeId.Numeric => SqlType.Numeric,
            TypeId.Text => SqlType.Text, TypeId.Bytea => SqlType.Bytea, TypeId.Date => SqlType.Date,
            TypeId.Timestamp => SqlType.Timestamp, TypeId.Interval => SqlType.Interval, TypeId.Cidr => SqlType.Cidr,
            TypeId.MacAddr => SqlType.MacAddr, TypeId.Oid => SqlType.Oid, TypeId.Time => SqlType.Time, TypeId.Json => SqlType.Json, TypeId.Jsonb => SqlType.Jsonb,
            _ => null,
        };
        // Attributes the decoded type does not carry mean a type this version cannot represent.
        if (type is null || type.Unit != unit || type.Family != family)
            throw Fail($"unknown type {id} (unit {unit}, family {family})");
        Leave();
        return type;
    }

    public PlanColumn Column() => new(new ColumnId(Int()), String(), Type());

    public SqlList<T> List<T>(Func<T> read)
    {
        var count = Int();
        // Every element takes at least one byte, so a count beyond the bytes left is a lie; the list grows as read.
        if (count < 0 || count > data.Length - _position)
            throw Fail($"list of {count} items exceeds the fragment");
        var items = new List<T>();
        for (var i = 0; i < count; i++)
            items.Add(read());
        return SqlList.From(items);
    }

    public long? OptionalLong() => Bool() ? VarInt() : null;

    public LogicalPlan Plan()
    {
        Enter();
        var tag = (Tags.Plan)Byte();
        LogicalPlan plan = tag switch
        {
            Tags.Plan.Scan => new Scan(String(), String(), List(() => new ScanColumn(Column(), Int())), List(RequiredExpr),
                List(Range), OptionalLong()),
            Tags.Plan.Filter => new Filter(Plan(), RequiredExpr()),
            Tags.Plan.Project => new Project(Plan(), List(Item)),
            Tags.Plan.Aggregate => new Aggregate(Plan(), List(Item), List(() => new AggregateItem(Column(),
                RequiredExpr() as BoundAggregate ?? throw Fail("aggregate item is not an aggregate call")))),
            Tags.Plan.Join => new Join(Enum<JoinType>(Byte(), (byte)JoinType.NullAwareAnti), Plan(), Plan(),
                List(() => new EquiKey(RequiredExpr(), RequiredExpr())), Expr()),
            Tags.Plan.Sort => new Sort(Plan(), List(Key), OptionalLong()),
            Tags.Plan.Limit => new Limit(Plan(), Expr(), Expr()) { Ties = List(Key) },
            Tags.Plan.Distinct => new Distinct(Plan(), List(RequiredExpr)),
            Tags.Plan.Values => new Values(List(Column), List(() => List(RequiredExpr))),
            Tags.Plan.SetOperation => SetOperation(),
            Tags.Plan.Series => Series(),
            Tags.Plan.BloomFilterBuild => BloomBuild(),
            Tags.Plan.BloomFilterProbe => new BloomFilterProbe(Plan(), Plan(), BloomKeys(), BloomBits(), BloomHashes()),
            Tags.Plan.SetSketchBuild => SketchBuild(),
            Tags.Plan.SetDifferenceJoin => DifferenceJoin(),
            Tags.Plan.ReconciledPartial => ReconciledPartial(),
            Tags.Plan.ReconciledAggregate => ReconciledAggregate(),
            _ => throw Fail($"unknown plan node tag {(byte)tag}"),
        };
        Leave();
        return plan;
    }

    public BoundExpr? Expr() => new FragmentExprReader(this).Read();

    public BoundExpr RequiredExpr() => Expr() ?? throw Fail("missing expression");

    public SortKey Key() => new(RequiredExpr(), Bool(), Bool());

    public object? Value() => (Tags.Value)Byte() switch
    {
        Tags.Value.Null => null,
        Tags.Value.Bool => Bool(),
        Tags.Value.Int16 => checked((short)Int()),
        Tags.Value.Int32 => Int(),
        Tags.Value.Int64 => VarInt(),
        Tags.Value.Decimal => Decimal(),
        Tags.Value.Double => Double(),
        Tags.Value.String => String(),
        var tag => throw Fail($"unknown constant tag {(byte)tag}"),
    };

    public T Enum<T>(byte value, byte max) where T : struct, Enum =>
        value <= max ? (T)System.Enum.ToObject(typeof(T), value) : throw Fail($"{typeof(T).Name} {value} out of range");

    public void Enter()
    {
        if (++_depth > MaxDepth)
            throw Fail($"fragment nested deeper than {MaxDepth}");
    }

    public void Leave() => _depth--;

    public FragmentFormatException Fail(string message) => new($"malformed plan fragment at byte {_position}: {message}");

    private ProjectItem Item() => new(Column(), RequiredExpr());

    private ColumnRange Range() => new(Column(), Expr() as BoundLiteral, Bool(), Expr() as BoundLiteral, Bool());

    private SetOperationPlan SetOperation() =>
        new(Enum<SetOperator>(Byte(), (byte)SetOperator.Except), Bool(), Plan(), Plan(), List(Column));

    private SeriesScan Series()
    {
        var column = Column();
        var arguments = List(RequiredExpr);
        return arguments.Count == 3 ? new SeriesScan(column, arguments[0], arguments[1], arguments[2])
            : throw Fail("a series needs start, stop and step");
    }

    private BloomFilterBuild BloomBuild()
    {
        var build = new BloomFilterBuild(Plan(), BloomKeys(), BloomBits(), BloomHashes(), Column(), Column());
        return build.Offset.Type.Id == TypeId.Int8 && build.Chunk.Type.Id == TypeId.Bytea
            ? build
            : throw Fail("a Bloom filter is output as (int8, bytea) chunks");
    }

    private SetSketchBuild SketchBuild()
    {
        var build = new SetSketchBuild(Plan(), RequiredExpr(), SketchCells(), Column(), Column());
        return build.Offset.Type.Id == TypeId.Int8 && build.Chunk.Type.Id == TypeId.Bytea && build.Key.Type.IsInteger
            ? build
            : throw Fail("a set sketch is over an integer key, output as (int8, bytea) chunks");
    }

    private SetDifferenceJoin DifferenceJoin()
    {
        var type = Enum<JoinType>(Byte(), (byte)JoinType.NullAwareAnti);
        var join = new SetDifferenceJoin(type, Plan(), Plan(), Plan(), Plan(), RequiredExpr(), SketchCells());
        return type is JoinType.Semi or JoinType.Anti or JoinType.NullAwareAnti && join.Key.Type.IsInteger && join.Fallback.Output.Count == 1
            ? join
            : throw Fail("a set-difference join is a semi or anti join on one integer key with one fallback key column");
    }

    private ReconciledPartial ReconciledPartial()
    {
        var partial = new ReconciledPartial(Plan(), Plan(), Plan(), RequiredExpr(), List(RequiredExpr), SketchCells(), Column(), Column());
        return partial.Key.Type.IsInteger && partial.KeyColumn.Type.Id == TypeId.Int8 && partial.Summary.Type.Id == TypeId.Bytea
            ? partial
            : throw Fail("a reconciled partial is over an integer key, output as (int8, bytea) rows");
    }

    private ReconciledAggregate ReconciledAggregate()
    {
        var aggregate = new ReconciledAggregate(Plan(), Plan(), Plan(), RequiredExpr(), List(RequiredExpr), List(Decomposed));
        // The other site's terms are counted in its summary, which the executor checks them against.
        foreach (var item in aggregate.Aggregates)
        {
            foreach (var term in item.Terms)
            {
                if (term.Index < 0 || term.Index >= (term.Local ? aggregate.Terms.Count : int.MaxValue))
                    throw Fail($"aggregate term {term.Index} out of range");
            }
        }
        return aggregate.Key.Type.IsInteger && aggregate.Fallback.Output.Count == aggregate.Aggregates.Count
            ? aggregate
            : throw Fail("a reconciled aggregate is over an integer key with one fallback column per aggregate");
    }

    private DecomposedAggregate Decomposed() => new(Column(), Enum<DecomposedKind>(Byte(), (byte)DecomposedKind.Avg), VarInt(),
        List(() => new SignedTerm(Bool(), Int(), Bool())));

    /// <summary>The table size, bounded: both sites allocate it before any cell arrives.</summary>
    private int SketchCells()
    {
        var cells = VarInt();
        return cells is >= 3 and <= SetSketchBuild.MaxCells && cells % 3 == 0
            ? (int)cells
            : throw Fail($"set sketch of {cells} cells (a multiple of 3 up to {SetSketchBuild.MaxCells})");
    }

    private SqlList<BoundExpr> BloomKeys()
    {
        var keys = List(RequiredExpr);
        return keys.Count > 0 ? keys : throw Fail("a Bloom filter needs a key");
    }

    /// <summary>The filter size, bounded: the probing site allocates it before any chunk arrives.</summary>
    private long BloomBits()
    {
        var bits = VarInt();
        return bits is >= 64 and <= BloomFilterBuild.MaxBits && bits % 64 == 0
            ? bits
            : throw Fail($"Bloom filter of {bits} bits (a multiple of 64 up to {BloomFilterBuild.MaxBits})");
    }

    private int BloomHashes()
    {
        var hashes = VarInt();
        return hashes is >= 1 and <= BloomFilterBuild.MaxHashes ? (int)hashes : throw Fail($"Bloom filter with {hashes} hashes");
    }

    private decimal Decimal()
    {
        Span<int> bits = [Int(), Int(), Int(), Int()];
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException e)
        {
            throw new FragmentFormatException("malformed plan fragment: invalid decimal", e);
        }
    }

    private double Double()
    {
        if (data.Length - _position < 8)
            throw Fail("unexpected end of fragment");
        var value = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(_position, 8));
        _position += 8;
        return value;
    }
}
