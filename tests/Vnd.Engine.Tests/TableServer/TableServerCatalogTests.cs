using System.Net;
using Vnd.Engine.TableServer;
using Vnd.Executor.Remote;
using Vnd.Executor.Storage;
using Vnd.Planner.Distributed;
using Vnd.Planner.Types;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// What a control server binds from: a table server's ListFlights answer over gRPC carries every column's exact
/// type (timestamp resolution, inet family included) and a catalog version that changes exactly when a table
/// appears, changes or goes.
/// </summary>
public sealed class TableServerCatalogTests : IAsyncLifetime
{
    private const string Token = "catalog-token";

    /// <summary>Every type a trace table can store, in the forms PgName alone would confuse.</summary>
    private static readonly SqlType[] Storable =
    [
        SqlType.Bool, SqlType.Int2, SqlType.Int4, SqlType.Int8, SqlType.Float4, SqlType.Float8, SqlType.Text, SqlType.Bytea,
        SqlType.Timestamp, SqlType.TimestampTz, SqlType.TimestampTzNanos, SqlType.Inet, SqlType.Inet4, SqlType.Inet6, SqlType.MacAddr,
    ];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "vnd-tscatalog-" + Guid.NewGuid().ToString("N"));
    private TableServerHost _host = null!;

    public async Task InitializeAsync()
    {
        var store = new TraceTableStore(_data);
        using (var writer = store.CreateWriter(new TableRef("tenant1", "every_type"),
            new TableSchema(Storable.Select((type, i) => new ColumnSchema("c" + i, type)).ToList())))
            writer.Commit();
        _host = await TableServerHost.StartAsync(new TableServerOptions(_data, new IPEndPoint(IPAddress.Loopback, 0), Token));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    public static TheoryData<string> Types()
    {
        var words = new TheoryData<string>();
        foreach (var type in (SqlType[])[.. Storable, SqlType.Numeric, SqlType.Date, SqlType.Interval, SqlType.Cidr, SqlType.Oid, SqlType.Unknown])
        {
            words.Add(SqlTypeText.Format(type));
            words.Add(SqlTypeText.Format(SqlType.ArrayOf(type)));
        }
        words.Add(SqlTypeText.Format(SqlType.ArrayOf(SqlType.ArrayOf(SqlType.Inet4))));
        return words;
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_type_word_parses_back_to_the_same_type_and_no_two_types_share_one(string word)
    {
        var type = SqlTypeText.Parse(word);

        Assert.NotNull(type);
        Assert.Equal(word, SqlTypeText.Format(type));
    }

    [Theory]
    [InlineData("timestamp with time zone")]
    [InlineData("int4[")]
    [InlineData("")]
    public void A_word_it_never_writes_is_no_type(string word) => Assert.Null(SqlTypeText.Parse(word));

    [Fact]
    public async Task Listed_columns_carry_their_exact_types_over_the_wire()
    {
        using var client = new TableServerClient(new Site("s"), _host.Endpoint, Token);

        var (tables, version) = await client.ListCatalogAsync();

        var info = Assert.Single(tables);
        var table = FlightTableDefinition.Of(info, "tenant1", "every_type");
        Assert.Equal(Storable, table.Columns.Select(c => c.Type));
        Assert.Equal(Storable.Select((_, i) => "c" + i), table.Columns.Select(c => c.Name));
        Assert.Equal(0, table.Statistics!.RowCount);
        Assert.Equal(_host.State.CatalogVersion(), version);
    }

    [Fact]
    public async Task The_catalog_version_changes_when_a_table_appears_or_is_dropped_and_only_then()
    {
        using var client = new TableServerClient(new Site("s"), _host.Endpoint, Token);
        var first = Assert.Single(await client.ActionAsync(TableServerProtocol.CatalogAction, "", TimeSpan.FromSeconds(5)));
        Assert.Equal(first, Assert.Single(await client.ActionAsync(TableServerProtocol.CatalogAction, "", TimeSpan.FromSeconds(5))));

        var store = new TraceTableStore(_data);
        using (var writer = store.CreateWriter(new TableRef("tenant2", "other"), new TableSchema([new ColumnSchema("x", SqlType.Int8)])))
            writer.Commit();
        var created = Assert.Single(await client.ActionAsync(TableServerProtocol.CatalogAction, "", TimeSpan.FromSeconds(5)));
        store.DropTable(new TableRef("tenant2", "other"));
        var dropped = Assert.Single(await client.ActionAsync(TableServerProtocol.CatalogAction, "", TimeSpan.FromSeconds(5)));

        Assert.NotEqual(first, created);
        Assert.Equal(first, dropped);
        var listings = Assert.Single(await client.ActionAsync(TableServerProtocol.StatusAction, TableServerProtocol.ListingsStatus, TimeSpan.FromSeconds(5)));
        Assert.Equal("0", listings);
    }

    [Fact]
    public async Task A_listing_that_quotes_the_stamps_it_holds_gets_only_changed_tables_described()
    {
        var store = new TraceTableStore(_data);
        var other = new TableRef("tenant2", "other");
        using (var writer = store.CreateWriter(other, new TableSchema([new ColumnSchema("x", SqlType.Int8)])))
            writer.Commit();
        using var client = new TableServerClient(new Site("s"), _host.Endpoint, Token);
        var (full, _) = await client.ListCatalogAsync();
        var stamps = full.Select(info => TableStamp.Read(info.Schema)).ToList();
        Assert.All(stamps, stamp => Assert.NotNull(stamp));
        Assert.All(full, info => Assert.False(TableStamp.IsUnchanged(info.Schema)));

        var (unchanged, _) = await client.ListCatalogAsync(stamps.Select(s => s!.Value).ToList());
        Assert.Equal(2, unchanged.Count);
        Assert.All(unchanged, info => Assert.True(TableStamp.IsUnchanged(info.Schema)));
        Assert.All(unchanged, info => Assert.Empty(info.Schema.FieldsList));

        // A new manifest for one table: that table alone is described again, with a new stamp.
        store.DropTable(other);
        using (var writer = store.CreateWriter(other, new TableSchema([new ColumnSchema("x", SqlType.Int8), new ColumnSchema("y", SqlType.Int4)])))
            writer.Commit();
        var (changed, _) = await client.ListCatalogAsync(stamps.Select(s => s!.Value).ToList());
        var described = Assert.Single(changed, info => !TableStamp.IsUnchanged(info.Schema));
        Assert.Equal(["tenant2", "other"], described.Descriptor.Paths);
        Assert.Equal(["x", "y"], described.Schema.FieldsList.Select(f => f.Name));
        Assert.DoesNotContain(TableStamp.Read(described.Schema), stamps);
        Assert.True(TableStamp.IsUnchanged(Assert.Single(changed, info => info != described).Schema));
    }

    [Fact]
    public void Criteria_from_another_client_quote_nothing()
    {
        Assert.Empty(TableStamp.Known("select *"u8));
        Assert.Empty(TableStamp.Known([]));
        Assert.Empty(TableStamp.Known([.. TableStamp.Criteria([1UL]), 0]));
        Assert.Equal([1UL, 2UL], TableStamp.Known(TableStamp.Criteria([1UL, 2UL])));
    }
}
