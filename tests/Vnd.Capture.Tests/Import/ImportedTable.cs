using System.Globalization;
using System.Net;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Vnd.Executor.Storage;

namespace Vnd.Capture.Tests.Import;

/// <summary>A trace table read back from its Arrow segments as rows of display strings, for comparison with tshark.</summary>
internal static class ImportedTable
{
    public static List<Dictionary<string, string>> Read(TraceTableStore store, TableRef table)
    {
        var rows = new List<Dictionary<string, string>>();
        foreach (var batch in store.OpenReader(table).ReadBatches())
        {
            for (var r = 0; r < batch.Length; r++)
            {
                var row = new Dictionary<string, string>();
                for (var c = 0; c < batch.ColumnCount; c++)
                    row[batch.Schema.GetFieldByIndex(c).Name] = Format(batch, c, r);
                rows.Add(row);
            }
        }
        return rows;
    }

    private static string Format(RecordBatch batch, int column, int index)
    {
        var field = batch.Schema.GetFieldByIndex(column);
        var array = batch.Column(column);
        if (array.IsNull(index))
            return "";
        // Integers, timestamps and IPv4 addresses may be stored narrower than their type, maybe as offsets from a
        // base (StoredIntegerType): an int8 as UInt32 like an IPv4 address.
        var type = ArrowTypeMapping.FromField(field);
        if (StoredIntegerType.IsNarrowable(type))
        {
            var value = StoredIntegerType.Value(batch, column, index)!.Value;
            return type.Id switch
            {
                Planner.Types.TypeId.Timestamp or Planner.Types.TypeId.TimestampTz => Epoch(value, type.Unit == Planner.Types.TimeUnit.Nanosecond),
                Planner.Types.TypeId.Inet => new IPAddress(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)value))).ToString(),
                _ => value.ToString(CultureInfo.InvariantCulture),
            };
        }
        return array switch
        {
            BooleanArray a => a.GetValue(index)!.Value ? "1" : "0",
            StringArray a => a.GetString(index),
            FixedSizeBinaryArray a => Address(a.GetBytes(index)),
            _ => throw new InvalidOperationException($"no formatting for {array.GetType().Name}"),
        };
    }

    private static string Address(ReadOnlySpan<byte> bytes)
    {
        var address = new IPAddress(bytes);
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>Nine decimals like tshark's frame.time_epoch.</summary>
    private static string Epoch(long raw, bool nanoseconds)
    {
        var nanos = nanoseconds ? raw : raw * 1000;
        return $"{nanos / 1_000_000_000}.{nanos % 1_000_000_000:D9}";
    }
}
