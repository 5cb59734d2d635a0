using System.Globalization;
using System.Threading.Channels;
using Apache.Arrow;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Server;
using Grpc.Core;
using Vnd.Executor;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Remote;
using Vnd.Executor.Storage;
using Vnd.Executor.Vectors;
using Vnd.Planner.Distributed;
using Vnd.Planner.Errors;

namespace Vnd.Engine.TableServer;

/// <summary>
/// The table server's Arrow Flight endpoint. DoGet runs the plan fragment in the ticket against the local trace
/// tables (pulling exchange inputs from other sites) and streams the result as Arrow record batches; ListFlights
/// and GetFlightInfo report each trace table's statistics (<see cref="FlightStatistics"/>). Errors reach the
/// client as gRPC statuses carrying the SQLSTATE in the <see cref="TableServerProtocol.SqlStateTrailer"/> trailer.
/// </summary>
public sealed class TableFlightServer(TableServerState state) : FlightServer
{
    public override async Task DoGet(FlightTicket ticket, FlightServerRecordBatchStreamWriter responseStream, ServerCallContext context)
    {
        try
        {
            var fragment = FragmentCodec.Decode(ticket.Ticket.ToByteArray());
            // EXPLAIN ANALYZE: measure the exchanges this fragment reads and answer with them in the trailer.
            var actuals = context.RequestHeaders.GetValue(TableServerProtocol.AnalyzeHeader) is null ? null : new ExchangeActuals();
            var plan = (actuals is null ? state.Runner : state.Runner.Measuring(actuals)).Plan(fragment);
            var output = fragment.Plan.Output;
            var writer = new BatchArrowWriter(output.Select(c => c.Name).ToArray(), output.Select(c => c.Type).ToArray());
            // The executor pulls synchronously (and blocks on its own exchange inputs), so it runs on a thread of its
            // own: blocking thread-pool threads would starve Kestrel, which then misses HTTP/2 pings and looks dead.
            var records = Channel.CreateBounded<RecordBatch>(4);
            var producer = Task.Factory.StartNew(() => Produce(plan, writer, records.Writer, state, context.CancellationToken),
                context.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await foreach (var record in records.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
                await responseStream.WriteAsync(record).ConfigureAwait(false);
            await producer.ConfigureAwait(false);
            if (actuals?.Encode() is { Length: > 0 } analysis)
                context.ResponseTrailers.Add(TableServerProtocol.AnalysisTrailer, analysis);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Failure(e, context);
        }
    }

    private static void Produce(PhysicalOperator plan, BatchArrowWriter writer, ChannelWriter<RecordBatch> records, TableServerState state,
        CancellationToken cancellation)
    {
        var running = state.Running;
        running.Started();
        try
        {
            using var query = state.Queries.NewQuery(cancellation);
            using var stream = plan.Open(query);
            var sent = false;
            while (stream.Next() is { } batch)
            {
                if (batch.ActiveCount == 0)
                    continue;
                records.WriteAsync(writer.Write(batch), cancellation).AsTask().GetAwaiter().GetResult();
                sent = true;
            }
            // An empty result still sends its schema, as one empty record batch.
            if (!sent)
                records.WriteAsync(writer.Write(new Batch(plan.OutputTypes)), cancellation).AsTask().GetAwaiter().GetResult();
            records.Complete();
        }
        catch (Exception e)
        {
            records.Complete(e);
        }
        finally
        {
            running.Stopped();
        }
    }

    /// <summary>
    /// <see cref="TableServerProtocol.StatusAction"/>: how many fragments run here now, as an integer (with the body
    /// <see cref="TableServerProtocol.ListingsStatus"/>: how many ListFlights calls were answered);
    /// <see cref="TableServerProtocol.CatalogAction"/>: the catalog version, so a control server re-lists only on change.
    /// </summary>
    public override async Task DoAction(FlightAction request, IAsyncStreamWriter<FlightResult> responseStream, ServerCallContext context)
    {
        var answer = request.Type switch
        {
            TableServerProtocol.StatusAction when request.Body.ToStringUtf8() == TableServerProtocol.ListingsStatus =>
                state.Listings.ToString(CultureInfo.InvariantCulture),
            TableServerProtocol.StatusAction => state.Running.Count.ToString(CultureInfo.InvariantCulture),
            TableServerProtocol.CatalogAction => state.CatalogVersion(),
            _ => throw new RpcException(new Status(StatusCode.Unimplemented,
                $"a table server knows only the actions \"{TableServerProtocol.StatusAction}\" and \"{TableServerProtocol.CatalogAction}\"")),
        };
        await responseStream.WriteAsync(new FlightResult(answer)).ConfigureAwait(false);
    }

    public override async Task ListActions(IAsyncStreamWriter<FlightActionType> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(new FlightActionType(TableServerProtocol.StatusAction, "the number of plan fragments running now")).ConfigureAwait(false);
        await responseStream.WriteAsync(new FlightActionType(TableServerProtocol.CatalogAction, "the catalog version of the trace tables")).ConfigureAwait(false);
    }

    /// <summary>Every trace table with its statistics; the trailer carries the catalog version taken before listing.</summary>
    public override async Task ListFlights(FlightCriteria request, IAsyncStreamWriter<FlightInfo> responseStream, ServerCallContext context)
    {
        state.Listed();
        var version = state.CatalogVersion();
        var known = TableStamp.Known(request.Expression.Span);
        foreach (var (table, written, length) in state.Store.ManifestStamps())
        {
            // The stamp is taken before the manifest is read: a manifest replaced in between is described as new
            // and stamped as old, so the next listing describes it again rather than never.
            var stamp = TableStamp.Of(table.Schema, table.Table, written, length);
            FlightInfo info;
            try
            {
                info = known.Contains(stamp) ? FlightStatistics.Unchanged(table, stamp)
                    : FlightStatistics.Describe(state.Store.OpenTable(table), null, stamp);
            }
            catch (StorageException e) when (e.Kind == StorageErrorKind.TableNotFound)
            {
                continue;   // dropped while listing
            }
            await responseStream.WriteAsync(info).ConfigureAwait(false);
        }
        context.ResponseTrailers.Add(TableServerProtocol.CatalogVersionTrailer, version);
    }

    public override Task<FlightInfo> GetFlightInfo(FlightDescriptor request, ServerCallContext context)
    {
        try
        {
            var path = request.Paths.ToList();
            if (request.Type != FlightDescriptorType.Path || path.Count != 2)
                throw new SqlException(SqlState.UndefinedTable, "a table is described by the path [schema, table]");
            var table = new TableRef(path[0], path[1]);
            table.Validate();
            return Task.FromResult(FlightStatistics.Describe(state.Store.OpenTable(table), null));
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Failure(e, context);
        }
    }

    private static RpcException Failure(Exception error, ServerCallContext context)
    {
        var (code, sqlState) = error switch
        {
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => (StatusCode.Cancelled, SqlState.QueryCanceled),
            FragmentFormatException f => (StatusCode.InvalidArgument, f.SqlState),
            SqlException s => (StatusCode.FailedPrecondition, s.SqlState),
            StorageException { Kind: StorageErrorKind.TableNotFound or StorageErrorKind.InvalidName } => (StatusCode.NotFound, SqlState.UndefinedTable),
            _ => (StatusCode.Internal, SqlState.InternalError),
        };
        return new RpcException(new Status(code, error.Message), new Metadata { { TableServerProtocol.SqlStateTrailer, sqlState } });
    }
}
