using System.Data.Common;

namespace Vnd.Bench.Queries;

/// <summary>
/// Reads a whole ADO.NET result (DuckDB.NET, Npgsql) with the typed getter of each column's CLR type, the way a
/// .NET diagnosis app would, and folds the values into a checksum. Types without a cheap getter are read boxed.
/// </summary>
public static class DataReaderReadout
{
    private enum Getter
    {
        Int16,
        Int32,
        Int64,
        Double,
        Decimal,
        DateTime,
        String,
        Boxed,
    }

    public static QueryOutcome Read(DbDataReader reader)
    {
        var getters = new Getter[reader.FieldCount];
        for (var c = 0; c < getters.Length; c++)
        {
            var type = reader.GetFieldType(c);
            getters[c] = type == typeof(short) ? Getter.Int16
                : type == typeof(int) ? Getter.Int32
                : type == typeof(long) ? Getter.Int64
                : type == typeof(double) ? Getter.Double
                : type == typeof(decimal) ? Getter.Decimal
                : type == typeof(DateTime) ? Getter.DateTime
                : type == typeof(string) ? Getter.String
                : Getter.Boxed;
        }
        long rows = 0;
        long sum = 0;
        while (reader.Read())
        {
            rows++;
            for (var c = 0; c < getters.Length; c++)
            {
                if (reader.IsDBNull(c))
                    continue;
                sum += getters[c] switch
                {
                    Getter.Int16 => reader.GetInt16(c),
                    Getter.Int32 => reader.GetInt32(c),
                    Getter.Int64 => reader.GetInt64(c),
                    Getter.Double => reader.GetDouble(c).GetHashCode(),
                    Getter.Decimal => reader.GetDecimal(c).GetHashCode(),
                    Getter.DateTime => reader.GetDateTime(c).Ticks,
                    Getter.String => reader.GetString(c).Length,
                    _ => reader.GetValue(c).GetHashCode(),
                };
            }
        }
        return new QueryOutcome(rows, sum);
    }
}
