using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using static Vnd.Planner.Tests.Distributed.CapturePoints;

namespace Vnd.Planner.Tests.Distributed;

/// <summary>Fragments survive the ticket encoding exactly, and damaged tickets fail with 08P01, never anything else.</summary>
public sealed class FragmentCodecTests
{
    public static TheoryData<string> Queries { get; } = new()
    {
        "select ceil(ts), sum(payload_length) from \"in\" group by ceil(ts)",
        "select ts, id from \"in\" where payload_length > 0 and src_ip << '10.0.0.0/8'::cidr order by ts desc nulls last limit 10 offset 2",
        "select count(*) filter (where dst_port in (80, 443)), count(distinct src_ip), avg(payload_length) from out",
        "select case when payload_length is null then 'none' when payload_length > 1400 then 'big' else 'small' end from out",
        "select id::text, 1.5::numeric, 2.5e0, true, null::int8, 'x' || 'y', ts + interval '1 second' from \"in\" where (seq > 0) is not true",
        "select avg(o.ts - i.ts) from \"in\" i join out o on i.id = o.id and i.seq < o.seq",
        "select count(*) from \"in\" where id not in (select id from out)",
        "select id from \"in\" union all select id from out except select 1::int8",
        "select distinct src_ip, dst_ip from out",
        "select * from (values (1, 'a'), (2, null)) v(n, s)",
        "select g, i.id from generate_series(1, 10, 2) g, \"in\" i where i.seq = g",
        "select a.id from hop_a a left join hop_b b on a.id = b.id where b.id is null",
        "select src_ip, string_agg(id::text, ',' order by ts desc, id nulls first), array_agg(seq order by seq) from out group by src_ip",
        "select ts, id from \"in\" order by payload_length desc, ts fetch first 3 rows with ties",
        "select src_ip, dst_port, count(*), grouping(src_ip, dst_port) from out group by rollup (src_ip, dst_port)",
        "select dst_port, sum(payload_length) from out group by grouping sets ((dst_port), ())",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Optimized_plans_round_trip(string sql)
    {
        var ticket = new FragmentTicket(SiteOf("in"), Optimized(sql), []);
        var decoded = FragmentCodec.Decode(FragmentCodec.Encode(ticket));
        Assert.Equal(ticket.Plan, decoded.Plan);
        Assert.Equal(ticket.Plan.ToString(), decoded.Plan.ToString());
        Assert.Equal(ticket.Site, decoded.Site);
        Assert.Null(decoded.Times);
    }

    /// <summary>The coordinator's statement and transaction times reach the site exactly (ticks, UTC), a block's or not, with the session's zone.</summary>
    [Fact]
    public void Statement_times_round_trip()
    {
        foreach (var times in (StatementTimes[])[Times, Times with { Transaction = null, TimeZone = "UTC" }, new(DateTime.MaxValue, DateTime.UnixEpoch),
            Times with { TimeZone = "America/St_Johns" }])
        {
            var ticket = new FragmentTicket(SiteOf("in"), Optimized("select id from \"in\" where ts > now() - interval '5 minutes'"), []) { Times = times };

            var decoded = FragmentCodec.Decode(FragmentCodec.Encode(ticket)).Times;

            Assert.Equal(times, decoded);
            Assert.Equal(DateTimeKind.Utc, decoded!.Statement.Kind);
        }
    }

    [Fact]
    public void An_instant_beyond_the_calendar_is_refused()
    {
        // magic, version, site "x", times present, statement ticks DateTime.MaxValue.Ticks + 1 (zig-zag LEB128).
        var bytes = new List<byte>([.. "VNDF"u8, FragmentCodec.Version, 2, (byte)'x', 1]);
        for (var v = (ulong)(DateTime.MaxValue.Ticks + 1) << 1; ; v >>= 7)
        {
            bytes.Add(v >= 0x80 ? (byte)(v | 0x80) : (byte)v);
            if (v < 0x80)
                break;
        }
        bytes.AddRange([0, 1, 0, 0, 0, 0, 0, 0]);

        var error = Assert.Throws<FragmentFormatException>(() => FragmentCodec.Decode([.. bytes]));

        Assert.Equal("08P01", error.SqlState);
        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Distributed_fragments_with_exchange_inputs_round_trip()
    {
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(1_000_000, 990_000, 1_989_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized("select avg(o.ts - i.ts) from \"in\" i join out o on i.id = o.id"));
        Assert.NotEmpty(plan.Exchanges);
        var ticket = TicketOf(plan, plan.Root);
        var encoded = FragmentCodec.Encode(ticket);

        var decoded = FragmentCodec.Decode(encoded);

        Assert.Equal(Flatten(ticket), Flatten(decoded));
        Assert.True(encoded.Length < 4096, $"{encoded.Length} bytes");
    }

    [Fact]
    public void Every_truncation_and_byte_flip_is_rejected_cleanly()
    {
        var encoded = FragmentCodec.Encode(new FragmentTicket(SiteOf("out"), Optimized("select count(*) filter (where dst_port in (80, 443)), avg(payload_length) from out where ts > now() - interval '1 hour'"), []) { Times = Times });
        for (var length = 0; length < encoded.Length; length++)
        {
            var error = Assert.Throws<FragmentFormatException>(() => FragmentCodec.Decode(encoded[..length]));
            Assert.Equal("08P01", error.SqlState);
        }
        var random = new Random(42);
        for (var round = 0; round < 2000; round++)
        {
            var damaged = (byte[])encoded.Clone();
            damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            try
            {
                FragmentCodec.Decode(damaged);
            }
            catch (FragmentFormatException e)
            {
                Assert.Equal("08P01", e.SqlState);
            }
        }
    }

    [Fact]
    public void Another_version_is_refused_by_name()
    {
        var encoded = FragmentCodec.Encode(new FragmentTicket(SiteOf("in"), Optimized("select id from \"in\""), []));
        encoded[4] = FragmentCodec.Version + 1;
        var error = Assert.Throws<FragmentFormatException>(() => FragmentCodec.Decode(encoded));
        Assert.Contains($"version {FragmentCodec.Version + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_declared_list_is_refused_before_allocating()
    {
        // magic, version, site "x", no times, Scan, schema "", table "", then a column count of 2^40.
        byte[] bogus = [.. "VNDF"u8, FragmentCodec.Version, 2, (byte)'x', 0, 1, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40];
        Assert.Throws<FragmentFormatException>(() => FragmentCodec.Decode(bogus));
    }

    [Fact]
    public void Bloom_filter_nodes_round_trip_and_impossible_sizes_are_refused()
    {
        var scan = Optimized("select id, ts from out");
        var offset = new PlanColumn(new ColumnId(9001), "offset", Vnd.Planner.Types.SqlType.Int8);
        var chunk = new PlanColumn(new ColumnId(9002), "chunk", Vnd.Planner.Types.SqlType.Bytea);
        LogicalPlan Build(long bits, int hashes) =>
            new BloomFilterBuild(scan, [BoundColumn.Of(scan.Output[0])], bits, hashes, offset, chunk);
        var probe = new BloomFilterProbe(scan, ExchangeScan.Create(3, [offset, chunk]), [BoundColumn.Of(scan.Output[0])], 1 << 20, 7);
        foreach (var plan in (LogicalPlan[])[Build(1 << 20, 7), probe])
        {
            var decoded = FragmentCodec.Decode(FragmentCodec.Encode(new FragmentTicket(SiteOf("out"), plan, []))).Plan;
            Assert.Equal(plan, decoded);
            Assert.Equal(plan.ToString(), decoded.ToString());
        }
        // A table server allocates the filter before reading it: sizes beyond the bounds never get that far.
        foreach (var (bits, hashes) in ((long, int)[])[(0, 7), (100, 7), (BloomFilterBuild.MaxBits + 64, 7), (1 << 20, 0), (1 << 20, 17)])
        {
            var encoded = FragmentCodec.Encode(new FragmentTicket(SiteOf("out"), Build(bits, hashes), []));
            Assert.Equal("08P01", Assert.Throws<FragmentFormatException>(() => FragmentCodec.Decode(encoded)).SqlState);
        }
    }

    private static FragmentTicket TicketOf(DistributedPlan plan, int id)
    {
        var inputs = plan.Exchanges.Where(e => e.Consumer == id)
            .Select(e => new FragmentInput(e.Producer, e.From, "http://127.0.0.1:1", TicketOf(plan, e.Producer))).ToList();
        var fragment = plan.Fragment(id);
        return new FragmentTicket(fragment.Site, fragment.Plan, inputs) { Times = Times };
    }

    private static readonly StatementTimes Times = new(new DateTime(2015, 1, 12, 6, 0, 0, DateTimeKind.Utc).AddTicks(1234560),
        new DateTime(2015, 1, 12, 5, 59, 0, DateTimeKind.Utc), "Europe/Berlin");

    private static List<string> Flatten(FragmentTicket ticket)
    {
        var parts = new List<string> { ticket.Site + ":" + ticket.Times + ":" + ticket.Plan };
        foreach (var input in ticket.Inputs)
            parts.AddRange([input.Producer + "@" + input.Site + " " + input.Endpoint, .. Flatten(input.Ticket)]);
        return parts;
    }
}
