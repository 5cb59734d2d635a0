using System.Diagnostics;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.Import;
using Vnd.Capture.Import.Columns;
using Vnd.Capture.Import.Filters;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Bench.Ingest;

/// <summary>
/// The importer's in-memory path without the file on either side: frames decoded into a reused
/// <see cref="PacketBatch"/> (the straight-line decoder for these frames), offered to the table's <c>tcp</c> filter,
/// and each column of the standard field set filled for the accepted rows by the importer's own fillers (slot
/// reads), into column builders that are emptied when full instead of written to a segment.
/// </summary>
internal static class BatchPathTiming
{
    private const int BuilderRows = 64 * 1024;

    /// <summary>Times the batch path (<paramref name="rowPath"/> false) or the row path the importer takes for these columns.</summary>
    public static TimeSpan Time(InMemoryFrames frames, BoundParseConfiguration configuration, bool rowPath = false)
    {
        var table = configuration.Tables[0];
        var catalog = FieldCatalog.Default;
        var filter = table.Filter is null ? null : new FilterCompiler(catalog).Compile(table.Filter);
        var builders = new ColumnBuilder[table.Columns.Count];
        var fillers = new ColumnFiller[builders.Length];
        for (var c = 0; c < builders.Length; c++)
        {
            var column = table.Columns[c];
            var type = column.Type.Id is TypeId.Timestamp or TypeId.TimestampTz ? SqlType.TimestampTzOf(TimeUnit.Microsecond) : column.Type;
            builders[c] = ColumnBuilderFactory.Create(type, BuilderRows);
            var fields = new FieldDescriptor[column.Fields.Count];
            for (var f = 0; f < fields.Length; f++)
                fields[f] = catalog.TryResolve(column.Fields[f], out var field) ? field : throw new InvalidOperationException(column.Fields[f]);
            fillers[c] = ColumnFillerFactory.Create(fields, builders[c]);
        }
        if (rowPath)
            return TimeRows(frames, filter, builders, RowStage.TryCreate(fillers) ?? throw new InvalidOperationException("no row path for these columns"));
        var batch = new PacketBatch(keepFrames: false);
        var accepted = new int[PacketBatch.Capacity];
        var decoder = PacketDecoder.Default;
        var clock = Stopwatch.StartNew();
        var count = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Frame(i);
            ref var packet = ref batch.Next;
            decoder.Decode(frame, 1, frames.OriginalLengths[i], ref packet);
            packet.TimestampNanos = frames.Timestamps[i];
            var index = batch.Add(frame);
            if (filter is null || filter.Matches(in packet, frame))
                accepted[count++] = index;
            if (batch.IsFull || i == frames.Count - 1)
            {
                if (builders[0].Count + count > BuilderRows)
                {
                    foreach (var builder in builders)
                        builder.Reset();
                }
                foreach (var filler in fillers)
                    filler.Fill(batch, accepted.AsSpan(0, count));
                batch.Clear();
                count = 0;
            }
        }
        return clock.Elapsed;
    }

    /// <summary>The row path: each frame decoded into one reused packet and staged straight into the columns.</summary>
    private static TimeSpan TimeRows(InMemoryFrames frames, PacketPredicate? filter, ColumnBuilder[] builders, RowStage stage)
    {
        var packet = DecodedPacket.Create();
        var decoder = PacketDecoder.Default;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Frame(i);
            decoder.Decode(frame, 1, frames.OriginalLengths[i], ref packet);
            packet.TimestampNanos = frames.Timestamps[i];
            if (filter is null || filter.Matches(in packet, frame))
                stage.Add(in packet);
            if (stage.IsFull || i == frames.Count - 1)
            {
                if (builders[0].Count + stage.Count > BuilderRows)
                {
                    foreach (var builder in builders)
                        builder.Reset();
                }
                stage.AppendRun(0, stage.Count);
                stage.Clear();
            }
        }
        return clock.Elapsed;
    }
}
