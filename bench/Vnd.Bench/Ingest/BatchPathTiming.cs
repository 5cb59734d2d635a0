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
    /// <param name="commonFrames">With the row path: stage common Ethernet/IPv4/TCP|UDP frames from their bytes, as the importer does.</param>
    public static TimeSpan Time(InMemoryFrames frames, BoundParseConfiguration configuration, bool rowPath = false, bool commonFrames = false)
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
        {
            var stage = RowStage.TryCreate(fillers) ?? throw new InvalidOperationException("no row path for these columns");
            if (commonFrames && !EnableCommonFrames(stage, fillers))
                throw new InvalidOperationException("no common-frame path for these columns");
            return TimeRows(frames, filter, builders, stage, commonFrames);
        }
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

    private static bool EnableCommonFrames(RowStage stage, ColumnFiller[] fillers)
    {
        // The sample frames of Tcp, Udp and TcpWithOptions, as the importer decodes them.
        var samples = new[] { DecodedPacket.Create(), DecodedPacket.Create(), DecodedPacket.Create() };
        for (var kind = 0; kind < samples.Length; kind++)
        {
            if (!CommonFrameSample.TryDecode((CommonFrameKind)kind, DecoderOptions.Default, ref samples[kind]))
                return false;
        }
        return stage.TryEnableCommonPath(fillers, samples);
    }

    /// <summary>The row path: each frame decoded into one reused packet and staged straight into the columns.</summary>
    /// <summary>
    /// With <paramref name="commonFrames"/>, frames the importer would stage from their bytes are staged so (the
    /// benchmark's filter, <c>tcp</c>, keeps TCP frames and drops UDP ones, as the importer decides per kind).
    /// </summary>
    private static TimeSpan TimeRows(InMemoryFrames frames, PacketPredicate? filter, ColumnBuilder[] builders, RowStage stage, bool commonFrames)
    {
        var packet = DecodedPacket.Create();
        var decoder = PacketDecoder.Default;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Frame(i);
            var kind = commonFrames ? CommonFrameDecoder.Classify(frame, frames.OriginalLengths[i], decoder.Options) : CommonFrameKind.None;
            if (kind is CommonFrameKind.Tcp or CommonFrameKind.TcpWithOptions)
                stage.AddCommon(kind, frame, frames.Timestamps[i], frames.OriginalLengths[i], -1);
            else if (kind != CommonFrameKind.Udp)
            {
                decoder.Decode(frame, 1, frames.OriginalLengths[i], ref packet);
                packet.TimestampNanos = frames.Timestamps[i];
                if (filter is null || filter.Matches(in packet, frame))
                    stage.Add(in packet);
            }
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
