using Npgsql;
using NpgsqlTypes;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// Typed arrays through Npgsql 10 with type loading on: the array OIDs in RowDescription, binary array_send read
/// into CLR arrays (NULL elements included), text array_out with PostgreSQL's quoting, and array parameters sent
/// in binary.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class NpgsqlArrayTests(ServeFixture fixture)
{
    private const string Arrays = """
        select ARRAY[1, NULL, 3], ARRAY[9223372036854775807, NULL]::int8[], ARRAY['a b', 'x"y', NULL, '', 'NULL', 'back\slash'],
               ARRAY[1.5::float8, NULL, -0.25], ARRAY[true, NULL, false], ARRAY[1::int2, 2::int2], ARRAY[]::int4[],
               ARRAY[1.25::numeric, NULL], ARRAY['2024-01-02 03:04:05.5+00'::timestamptz], ARRAY['10.0.0.1'::inet, '2001:db8::/32'::inet],
               ARRAY[1.5::float4], NULL::int4[]
        """;

    [Fact]
    public async Task Arrays_arrive_in_binary_as_typed_clr_arrays_with_null_elements()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Arrays, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(new int?[] { 1, null, 3 }, reader.GetFieldValue<int?[]>(0));
        Assert.Equal(new long?[] { long.MaxValue, null }, reader.GetFieldValue<long?[]>(1));
        Assert.Equal(new[] { "a b", "x\"y", null, "", "NULL", "back\\slash" }, reader.GetFieldValue<string?[]>(2));
        Assert.Equal(new double?[] { 1.5, null, -0.25 }, reader.GetFieldValue<double?[]>(3));
        Assert.Equal(new bool?[] { true, null, false }, reader.GetFieldValue<bool?[]>(4));
        Assert.Equal(new short[] { 1, 2 }, reader.GetFieldValue<short[]>(5));
        Assert.Empty(reader.GetFieldValue<int[]>(6));
        Assert.Equal(new decimal?[] { 1.25m, null }, reader.GetFieldValue<decimal?[]>(7));
        Assert.Equal(new[] { new DateTime(2024, 1, 2, 3, 4, 5, 500, DateTimeKind.Utc) }, reader.GetFieldValue<DateTime[]>(8));
        Assert.Equal(new[] { new NpgsqlInet("10.0.0.1"), new NpgsqlInet("2001:db8::/32") }, reader.GetFieldValue<NpgsqlInet[]>(9));
        Assert.Equal(new[] { 1.5f }, reader.GetFieldValue<float[]>(10));
        Assert.True(reader.IsDBNull(11));
        Assert.Equal("integer[]", reader.GetDataTypeName(0));
        Assert.Equal("text[]", reader.GetDataTypeName(2));
        Assert.Equal("timestamp with time zone[]", reader.GetDataTypeName(8));
    }

    [Fact]
    public async Task Arrays_in_text_format_print_as_postgresql_array_out()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Arrays, connection) { AllResultTypesAreUnknown = true };
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        string[] expected =
        [
            "{1,NULL,3}", "{9223372036854775807,NULL}", """{"a b","x\"y",NULL,"","NULL","back\\slash"}""", "{1.5,NULL,-0.25}",
            "{t,NULL,f}", "{1,2}", "{}", "{1.25,NULL}", """{"2024-01-02 03:04:05.5+00"}""", "{10.0.0.1,2001:db8::/32}", "{1.5}",
        ];
        for (var c = 0; c < expected.Length; c++)
            Assert.Equal(expected[c], reader.GetString(c));
    }

    [Fact]
    public async Task An_int_array_parameter_in_binary_selects_with_any()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        const string Sql = "select count(*) from packets where src_port = ANY($1)";
        var ports = new int[2];
        await using (var top = new NpgsqlCommand("select src_port from packets group by src_port order by count(*) desc limit 2", connection))
        await using (var reader = await top.ExecuteReaderAsync())
        {
            for (var i = 0; await reader.ReadAsync(); i++)
                ports[i] = reader.GetInt32(0);
        }
        long expected = 0;
        foreach (var port in ports)
            expected += Convert.ToInt64(fixture.Embedded("tenant1", $"select count(*) from packets where src_port = {port}").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ports });
        Assert.Equal(expected, (long)(await command.ExecuteScalarAsync())!);
        Assert.True(expected > 0);

        // An array with a NULL element and an empty array, and the parameter typed from context (no OID sent).
        await using var nulls = new NpgsqlCommand("select 3 = ANY($1), 5 = ANY($1), 1 = ANY($2)", connection);
        nulls.Parameters.Add(new NpgsqlParameter<int?[]> { TypedValue = [3, null] });
        nulls.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [] });
        await using var answers = await nulls.ExecuteReaderAsync();
        Assert.True(await answers.ReadAsync());
        Assert.True(answers.GetBoolean(0));
        Assert.True(answers.IsDBNull(1));
        Assert.False(answers.GetBoolean(2));
    }

    [Fact]
    public async Task Text_and_long_array_parameters_round_trip()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select $1, $2, cardinality($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = ["a,b", null, "c"] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [1L, long.MinValue] });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(new[] { "a,b", null, "c" }, reader.GetFieldValue<string?[]>(0));
        Assert.Equal(new[] { 1L, long.MinValue }, reader.GetFieldValue<long[]>(1));
        Assert.Equal(3, reader.GetInt32(2));
    }

    [Fact]
    public async Task Array_agg_over_a_trace_table_groups_values_per_key()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        const string Sql = "select dst_port, array_agg(src_port), count(*) from packets group by dst_port";
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var groups = 0;
        while (await reader.ReadAsync())
        {
            var ports = reader.GetFieldValue<int?[]>(1);
            Assert.Equal(reader.GetInt64(2), ports.Length);
            groups++;
        }
        Assert.True(groups > 1);
    }
}
