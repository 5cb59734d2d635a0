using Npgsql;

namespace Vnd.Bench.Wire;

/// <summary>
/// Gives PostgreSQL the tenant VND has: a SCRAM login role, a database and schema of the tenant's name (so the
/// default search_path "$user" finds the table as VND's tenant schema does), and the table's rows, read from
/// VND over the wire and written with binary COPY. Column types are the ones VND reports in RowDescription.
/// </summary>
public static class PostgresLoader
{
    public static long CopyTable(string vndConnectionString, ServerTarget postgres, string user, string password, string table)
    {
        var admin = $"Host=127.0.0.1;Port={postgres.Port};Username=postgres;Password=bench;Database=postgres;SSL Mode=Disable;Pooling=false";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            Execute(connection, $"CREATE ROLE {user} LOGIN PASSWORD '{password}'");
            Execute(connection, $"CREATE DATABASE {user} OWNER {user}");
        }
        using var source = new NpgsqlConnection(vndConnectionString);
        source.Open();
        using var target = new NpgsqlConnection(postgres.ConnectionString(user, password));
        target.Open();
        Execute(target, $"CREATE SCHEMA {user}");
        using var command = new NpgsqlCommand($"SELECT * FROM {table}", source);
        using var reader = command.ExecuteReader();
        var columns = new string[reader.FieldCount];
        var types = new string[reader.FieldCount];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = reader.GetName(c);
            types[c] = reader.GetDataTypeName(c);
        }
        Execute(target, $"CREATE TABLE {user}.{table} ({string.Join(", ", columns.Select((n, c) => $"{n} {types[c]}"))})");
        long rows = 0;
        using (var importer = target.BeginBinaryImport($"COPY {user}.{table} FROM STDIN (FORMAT BINARY)"))
        {
            while (reader.Read())
            {
                importer.StartRow();
                for (var c = 0; c < columns.Length; c++)
                {
                    if (reader.IsDBNull(c))
                        importer.WriteNull();
                    else
                        importer.Write(reader.GetValue(c), types[c]);
                }
                rows++;
            }
            importer.Complete();
        }
        Execute(target, $"ANALYZE {user}.{table}");
        return rows;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
