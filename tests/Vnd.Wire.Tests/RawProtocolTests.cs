using Vnd.Wire.Auth;
using Vnd.Wire.Protocol;
using Vnd.Wire.Tests.Fixture;
using static Vnd.Wire.Tests.Fixture.RawClient;

namespace Vnd.Wire.Tests;

/// <summary>Message sequences of the simple and extended protocol, asserted tag by tag over a raw socket.</summary>
public sealed class RawProtocolTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private RawClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(o => o.AuthMethod = PgAuthMethod.Trust);
        _client = await ConnectAsync(_server.Port);
        var startup = await _client.LoginAsync();
        Assert.Equal("R,S,S,S,S,S,S,S,S,S,S,S,S,S,K,Z", string.Join(",", startup));
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        Assert.Equal(0, _server.Server.InternalErrorCount);
        await _server.DisposeAsync();
    }

    private static string Tags(IEnumerable<RawMessage> messages) => string.Concat(messages.Select(m => m.Tag));

    [Fact]
    public async Task Simple_query_text_values_are_byte_exact_with_postgres()
    {
        await _client.SendAsync(Query("select types"));
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("TDCZ", Tags(messages));
        Assert.Equal(TypesResult.ExpectedText, messages[1].Values());
        Assert.Equal("SELECT 1", messages[2].Text);
        Assert.Equal((byte)'I', messages[3].Body[0]);
    }

    [Fact]
    public async Task Simple_query_special_values_are_byte_exact_with_postgres()
    {
        await _client.SendAsync(Query("select specials"));
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal(SpecialsResult.ExpectedText, messages[1].Values());
    }

    [Fact]
    public async Task Several_statements_in_one_query_stream_each_result()
    {
        await _client.SendAsync(Query("select series 2; select series 1;"));
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("TDDCTDCZ", Tags(messages));
        Assert.Equal("SELECT 2", messages[3].Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData(";")]
    [InlineData("-- ping")]
    [InlineData("  \n ")]
    public async Task Empty_query_gets_EmptyQueryResponse(string sql)
    {
        await _client.SendAsync(Query(sql));
        Assert.Equal("IZ", Tags(await _client.ReadUntilAsync('Z')));
    }

    [Fact]
    public async Task Error_in_simple_query_stops_later_statements()
    {
        await _client.SendAsync(Query("select series 1; select error; select series 2"));
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("TDCEZ", Tags(messages));
        var fields = messages[3].Fields();
        Assert.Equal("ERROR", fields['S']);
        Assert.Equal("ERROR", fields['V']);
        Assert.Equal("42601", fields['C']);
        Assert.Equal("8", fields['P']);
        Assert.Equal("fixture detail", fields['D']);
        Assert.Equal("fixture hint", fields['H']);
    }

    [Fact]
    public async Task Notice_is_sent_before_the_command_completes()
    {
        await _client.SendAsync(Query("select notice"));
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("NCZ", Tags(messages));
        Assert.Equal("NOTICE", messages[0].Fields()['S']);
        Assert.Equal("fixture notice", messages[0].Fields()['M']);
    }

    [Fact]
    public async Task Ready_for_query_reports_the_handler_transaction_status()
    {
        await _client.SendAsync(Query("begin"));
        Assert.Equal((byte)'T', (await _client.ReadUntilAsync('Z'))[^1].Body[0]);
        await _client.SendAsync(Query("select error"));
        Assert.Equal((byte)'E', (await _client.ReadUntilAsync('Z'))[^1].Body[0]);
        await _client.SendAsync(Query("rollback"));
        Assert.Equal((byte)'I', (await _client.ReadUntilAsync('Z'))[^1].Body[0]);
    }

    [Fact]
    public async Task Execute_with_max_rows_suspends_the_portal_and_resumes()
    {
        // No Describe: the first Execute must carry the RowDescription itself.
        await _client.SendAsync(Parse("", "select series 5"), Bind("", "", 0), Execute("", 2), Execute("", 2), Execute("", 0), Sync());
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("12TDDsDDsDCZ", Tags(messages));
        Assert.Equal("SELECT 5", messages[^2].Text);
        Assert.Equal(new string?[] { "5" }, messages[^3].Values());
    }

    [Fact]
    public async Task Named_portal_with_fetch_size_like_jdbc()
    {
        await _client.SendAsync(Parse("S_1", "select series 3"), Describe('S', "S_1"), Sync());
        Assert.Equal("1tTZ", Tags(await _client.ReadUntilAsync('Z')));
        await _client.SendAsync(Query("begin"));
        await _client.ReadUntilAsync('Z');
        await _client.SendAsync(Bind("C_1", "S_1", 1), Execute("C_1", 2), Sync());
        var first = await _client.ReadUntilAsync('Z');
        Assert.Equal("2DDsZ", Tags(first));
        Assert.Equal([0, 0, 0, 1], first[1].RawValues()[0]);
        await _client.SendAsync(Execute("C_1", 2), Sync());
        Assert.Equal("DCZ", Tags(await _client.ReadUntilAsync('Z')));
        await _client.SendAsync(Close('P', "C_1"), Close('S', "S_1"), Sync());
        Assert.Equal("33Z", Tags(await _client.ReadUntilAsync('Z')));
    }

    [Fact]
    public async Task Describe_statement_sends_inferred_parameter_types_and_fields()
    {
        await _client.SendAsync(Parse("", "select $1, $2", 23, 0), Describe('S', ""), Sync());
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("1tTZ", Tags(messages));
        Assert.Equal([0, 2, 0, 0, 0, 23, 0, 0, 0, 25], messages[1].Body);
    }

    [Fact]
    public async Task Describe_portal_then_execute_echoes_text_parameters()
    {
        await _client.SendAsync(Parse("", "select $1, $2", 23, 0), Bind("", "", 0, "42", null), Describe('P', ""), Execute("", 0), Sync());
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("12TDCZ", Tags(messages));
        Assert.Equal(new string?[] { "42", null }, messages[3].Values());
    }

    [Fact]
    public async Task Command_statement_describes_as_NoData()
    {
        await _client.SendAsync(Parse("", "begin"), Bind("", "", 0), Describe('P', ""), Execute("", 0), Sync());
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("12nCZ", Tags(messages));
        Assert.Equal((byte)'T', messages[^1].Body[0]);
    }

    [Fact]
    public async Task Error_discards_messages_until_sync_and_the_next_batch_works()
    {
        await _client.SendAsync(Parse("", "select error"), Bind("", "", 0), Describe('P', ""), Execute("", 0), Sync());
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("EZ", Tags(messages));
        await _client.SendAsync(Parse("", "select series 1"), Bind("", "", 0), Execute("", 0), Sync());
        Assert.Equal("12TDCZ", Tags(await _client.ReadUntilAsync('Z')));
    }

    [Fact]
    public async Task Pipelined_statements_before_one_sync_all_answer()
    {
        await _client.SendAsync(
            Parse("a", "select series 1"), Parse("b", "select series 2"),
            Bind("", "a", 0), Execute("", 0), Bind("", "b", 0), Execute("", 0), Sync());
        Assert.Equal("112TDC2TDDCZ", Tags(await _client.ReadUntilAsync('Z')));
    }

    [Fact]
    public async Task Missing_statement_portal_and_duplicate_names_are_errors()
    {
        await _client.SendAsync(Bind("", "nope", 0), Sync());
        var missing = await _client.ReadUntilAsync('Z');
        Assert.Equal("26000", missing[0].SqlState);
        await _client.SendAsync(Execute("nope", 0), Sync());
        Assert.Equal("34000", (await _client.ReadUntilAsync('Z'))[0].SqlState);
        await _client.SendAsync(Parse("s", "select series 1"), Parse("s", "select series 1"), Sync());
        Assert.Equal("42P05", (await _client.ReadUntilAsync('Z'))[1].SqlState);
        await _client.SendAsync(Bind("", "s", 0, "extra"), Sync());
        Assert.Equal("08P01", (await _client.ReadUntilAsync('Z'))[0].SqlState);
    }

    [Fact]
    public async Task A_cancel_request_between_the_messages_of_a_batch_cancels_the_batch_and_the_session_goes_on()
    {
        // A client cancels a few hundred milliseconds after it sent its batch, whatever message the server is at:
        // here Parse and Bind are done and Execute has not arrived yet. The batch is still the query in progress.
        await using var client = await ConnectAsync(_server.Port);
        var key = (await client.LoginAsync()).Single(m => m.Tag == 'K').Body;
        await client.SendAsync(Parse("", "select series 1"), Bind("", "", 0), Tagged('H'));
        Assert.Equal("12", Tags([(await client.ReadAsync())!, (await client.ReadAsync())!]));
        await using (var cancel = await ConnectAsync(_server.Port))
        {
            await cancel.SendAsync(Int32(16), Int32(StartupCode.CancelRequest), key[..4], key[4..8]);
            Assert.True(await cancel.IsClosedAsync());
        }

        await client.SendAsync(Execute("", 0), Sync());
        var replies = await client.ReadUntilAsync('Z');
        Assert.Equal("EZ", Tags(replies));
        Assert.Equal("57014", replies[0].SqlState);

        // The cancel ended with its batch: the next one runs.
        await client.SendAsync(Parse("", "select series 1"), Bind("", "", 0), Execute("", 0), Sync());
        Assert.Equal("12TDCZ", Tags(await client.ReadUntilAsync('Z')));
    }

    [Fact]
    public async Task A_cancel_request_while_idle_cancels_nothing()
    {
        await using var client = await ConnectAsync(_server.Port);
        var key = (await client.LoginAsync()).Single(m => m.Tag == 'K').Body;
        await using (var cancel = await ConnectAsync(_server.Port))
        {
            await cancel.SendAsync(Int32(16), Int32(StartupCode.CancelRequest), key[..4], key[4..8]);
            Assert.True(await cancel.IsClosedAsync());
        }

        await client.SendAsync(Parse("", "select series 1"), Bind("", "", 0), Execute("", 0), Sync());
        Assert.Equal("12TDCZ", Tags(await client.ReadUntilAsync('Z')));
    }

    [Fact]
    public async Task Flush_sends_pending_replies_without_sync()
    {
        await _client.SendAsync(Parse("", "select series 1"), Tagged('H'));
        Assert.Equal('1', (await _client.ReadAsync())!.Tag);
        await _client.SendAsync(Sync());
        Assert.Equal('Z', (await _client.ReadAsync())!.Tag);
    }

    [Fact]
    public async Task Copy_out_text_csv_and_copy_in_with_done_and_fail()
    {
        await _client.SendAsync(Query("COPY (select 1) TO STDOUT WITH CSV"));
        var copyOut = await _client.ReadUntilAsync('Z');
        Assert.Equal("HdddcCZ", Tags(copyOut));
        Assert.Equal("2,\"two words\"\n", System.Text.Encoding.UTF8.GetString(copyOut[2].Body));
        Assert.Equal("COPY 3", copyOut[^2].Text);

        await _client.SendAsync(Query("copy sink from stdin"));
        Assert.Equal('G', (await _client.ReadAsync())!.Tag);
        await _client.SendAsync(Tagged('d', "x\n"u8.ToArray()), Tagged('d', "y\n"u8.ToArray()), Tagged('c'));
        var done = await _client.ReadUntilAsync('Z');
        Assert.Equal("COPY 2", done[0].Text);
        Assert.Equal("x\ny\n"u8.ToArray(), Assert.Single(_server.Handler.CopiedIn));

        await _client.SendAsync(Query("copy sink from stdin"));
        Assert.Equal('G', (await _client.ReadAsync())!.Tag);
        await _client.SendAsync(Tagged('d', "z\n"u8.ToArray()), Tagged('f', CString("client gave up")));
        var failed = await _client.ReadUntilAsync('Z');
        Assert.Equal("57014", failed[0].SqlState);
        Assert.Equal("COPY from stdin failed: client gave up", failed[0].Fields()['M']);
        Assert.Single(_server.Handler.CopiedIn);
    }

    [Fact]
    public async Task Terminate_closes_the_connection()
    {
        await _client.SendAsync(Tagged('X'));
        Assert.True(await _client.IsClosedAsync());
    }

    [Fact]
    public async Task Text_parameters_of_typed_placeholders_are_decoded_and_echoed_in_binary()
    {
        await _client.SendAsync(
            Parse("", "select $1, $2, $3, $4, $5, $6, $7, $8", 16, 1700, 1082, 1184, 1186, 869, 17, 20),
            Bind("", "", 1, "true", "-12.50", "2024-02-29", "2024-01-02 03:04:05.5+00", "01:30:00", "10.1.2.3/16", "\\x0aff", "-9000000000"),
            Execute("", 0), Sync());
        var messages = await _client.ReadUntilAsync('Z');
        Assert.Equal("12TDCZ", Tags(messages));
        var values = messages[3].RawValues();
        Assert.Equal([1], values[0]);
        Assert.Equal(Convert.FromHexString("0002000040000002000c1388"), values[1]);
        Assert.Equal(Int32(8825), values[2]);
        Assert.Equal(Convert.FromHexString("0002b0ec851d9460"), values[3]);
        Assert.Equal(Convert.FromHexString("0000000141dd76000000000000000000"), values[4]);
        Assert.Equal(Convert.FromHexString("021000040a010203"), values[5]);
        Assert.Equal(Convert.FromHexString("0aff"), values[6]);
        Assert.Equal(Convert.FromHexString("fffffffde78ee600"), values[7]);
    }

    [Fact]
    public async Task Malformed_text_parameter_is_22P02_and_the_session_continues()
    {
        await _client.SendAsync(Parse("", "select $1", 23), Bind("", "", 0, "forty-two"), Execute("", 0), Sync());
        var messages = await _client.ReadUntilAsync('Z');
        // The fixture decodes parameters while executing (after the RowDescription), a real engine may do so at Bind.
        Assert.Equal("12TEZ", Tags(messages));
        Assert.Equal("22P02", messages[3].SqlState);
        Assert.Equal("invalid input syntax for type integer: \"forty-two\"", messages[3].Fields()['M']);
    }

    [Fact]
    public async Task A_cancel_request_between_queries_cancels_nothing_and_a_later_one_still_cancels()
    {
        // The session keeps one cancellation source across queries: a cancel that lands while it is idle must not
        // stay armed for the next query, and the source must still cancel a query that runs later.
        await using var client = await ConnectAsync(_server.Port);
        var key = (await client.LoginAsync()).Single(m => m.Tag == 'K').Body;
        async Task CancelAsync()
        {
            await using var canceller = await ConnectAsync(_server.Port);
            await canceller.SendAsync(Int32(16), Int32(StartupCode.CancelRequest), key);
            Assert.True(await canceller.IsClosedAsync());
        }

        await client.SendAsync(Query("select series 1"));
        Assert.Equal("TDCZ", Tags(await client.ReadUntilAsync('Z')));
        await CancelAsync();
        await Task.Delay(100);
        // Extended protocol: its first message takes the session's token as it is (a simple Query ends any batch first).
        await client.SendAsync(Parse("", "select series 2"), Bind("", "", 0), Execute("", 0), Sync());
        Assert.Equal("12TDDCZ", Tags(await client.ReadUntilAsync('Z')));

        await client.SendAsync(Query("select sleep"));
        await Task.Delay(200);
        await CancelAsync();
        var canceled = await client.ReadUntilAsync('Z');
        Assert.Equal("57014", canceled.Single(m => m.Tag == 'E').SqlState);
        await client.SendAsync(Query("select series 1"));
        Assert.Equal("TDCZ", Tags(await client.ReadUntilAsync('Z')));
    }
}
