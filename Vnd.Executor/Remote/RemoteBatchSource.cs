using System.Diagnostics;
using Apache.Arrow;
using Apache.Arrow.Flight.Client;
using Grpc.Core;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Remote;

/// <summary>
/// A fragment running at another site, read as a table: opening it starts the Flight stream, batches arrive as
/// Arrow record batches and are sliced into executor batches of at most <see cref="Batch.Capacity"/> rows. A
/// remote stream is one partition (partition 0 reads it, the others are empty). Disposing a reader before the end
/// cancels the remote fragment; <see cref="RemoteInputsStart"/> may start it before the reader opens.
/// The reader blocks on the network: the executor is pull-based and synchronous.
/// Under EXPLAIN ANALYZE (<paramref name="meter"/> set) the reader counts what arrives and, at the end of the
/// stream, adds the table server's own measurements from the stream's trailer.
/// </summary>
public sealed class RemoteBatchSource(TableServerClient server, byte[] ticket, IReadOnlyList<string> names, IReadOnlyList<SqlType> types,
    ExchangeMeter? meter = null)
    : IBatchSource
{
    public IReadOnlyList<SqlType> Types => types;

    public IReadOnlyList<string> Names => names;

    public TableServerClient Server => server;

    public byte[] Ticket => ticket;

    /// <summary>Starts the remote fragment for <paramref name="context"/>'s query now; the first reader opened takes the stream.</summary>
    public void Start(QueryContext context) => Started(context);

    private PrefetchedCall Started(QueryContext context) =>
        context.Shared(this, () => new PrefetchedCall(server.Fetch(ticket, context.Cancellation, analyze: meter is not null)));

    /// <summary>The stream started by <see cref="Start"/>, or a new one.</summary>
    private FlightRecordBatchStreamingCall Call(QueryContext context) => Started(context).Take() ?? server.Fetch(ticket, context.Cancellation, analyze: meter is not null);

    public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, partitionCount);
        return new Reader(this, columns.ToArray(), partition == 0, context, partition == 0 ? meter : null);
    }

    private sealed class Reader(RemoteBatchSource source, int[] columns, bool active, QueryContext context, ExchangeMeter? meter)
        : IBatchReader
    {
        private readonly Batch _batch = new(columns.Select(c => source.Types[c]).ToArray());
        private FlightRecordBatchStreamingCall? _call;
        private RecordBatch? _record;
        private int _position;
        private bool _done = !active;

        public Batch? Next()
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                return Slice();
            }
            finally
            {
                meter?.AddTime(Stopwatch.GetTimestamp() - start);
            }
        }

        private Batch? Slice()
        {
            while (_record is null || _position >= _record.Length)
            {
                if (_done || !Advance())
                    return null;
            }
            var count = Math.Min(Batch.Capacity, _record.Length - _position);
            ArrowBatchSlicer.Copy(_record, columns, _position, count, _batch);
            _position += count;
            return _batch;
        }

        private bool Advance()
        {
            _record?.Dispose();
            _record = null;
            _position = 0;
            context.CheckCancelled();
            try
            {
                _call ??= source.Call(context);
                if (!_call.ResponseStream.MoveNext(context.Cancellation).GetAwaiter().GetResult())
                {
                    _done = true;
                    meter?.Finish(_call.GetTrailers().GetValue(TableServerProtocol.AnalysisTrailer), source.Server.Site.ToString());
                    return false;
                }
            }
            catch (RpcException e)
            {
                throw source.Server.Translate(e, context.Cancellation);
            }
            _record = _call.ResponseStream.Current;
            Check(_record.Schema);
            if (_record.Length > 0)
                meter?.AddRecord(_record.Length, ArrowIpcSize.Of(_record));
            return true;
        }

        /// <summary>The stream must have the agreed columns and layouts, or slicing would misread memory.</summary>
        private void Check(Schema schema)
        {
            if (schema.FieldsList.Count != source.Types.Count)
                throw Violation($"{schema.FieldsList.Count} columns instead of {source.Types.Count}");
            foreach (var c in columns)
            {
                var expected = WireFormat.ArrowType(source.Types[c]);
                var actual = schema.GetFieldByIndex(c).DataType;
                if (actual.TypeId != expected.TypeId ||
                    (actual is Apache.Arrow.Types.FixedSizeBinaryType a && a.ByteWidth != ((Apache.Arrow.Types.FixedSizeBinaryType)expected).ByteWidth))
                    throw Violation($"column {c} as {actual.Name} instead of {expected.Name}");
            }
        }

        private ExecutionException Violation(string what) =>
            new(RemoteSqlStates.ProtocolViolation, $"the table server of capture point \"{source.Server.Site}\" sent {what}");

        public void Dispose()
        {
            meter?.Record();
            _record?.Dispose();
            _record = null;
            _call?.Dispose();
            _call = null;
        }
    }
}
