using Npgsql;

namespace Vnd.Executor.Tests.Slt;

/// <summary>Runs SQL on PostgreSQL and returns its text output (every result column requested as text).</summary>
public sealed class PostgresEngine(string connectionString) : IDisposable
{
    private readonly NpgsqlConnection _connection = Open(connectionString);

    public void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection);
        command.ExecuteNonQuery();
    }

    public SltResult Run(string sql)
    {
        try
        {
            using var command = new NpgsqlCommand(sql, _connection) { AllResultTypesAreUnknown = true };
            using var reader = command.ExecuteReader();
            var rows = new List<string?[]>();
            while (reader.Read())
            {
                var row = new string?[reader.FieldCount];
                for (var c = 0; c < row.Length; c++)
                    row[c] = reader.IsDBNull(c) ? null : reader.GetString(c);
                rows.Add(row);
            }
            return new SltResult(rows, null, null);
        }
        catch (PostgresException e)
        {
            return SltResult.Error(e.SqlState, e.MessageText);
        }
    }

    public void Dispose() => _connection.Dispose();

    private static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }
}
