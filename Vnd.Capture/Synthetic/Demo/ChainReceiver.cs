namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// The server's side of one connection: answers the SYN, acknowledges every second in-order segment (delayed ACK,
/// with a timer for a lone one), acknowledges at once a segment out of order (duplicate ACK) or one filling a hole,
/// and answers the client's FIN with its own once all data has arrived. The server sends no data.
/// </summary>
internal sealed class ChainReceiver(ChainSimulation simulation, int flow, uint isn, ushort ipId)
{
    private readonly ChainScenarioOptions _options = simulation.Options;
    private readonly HashSet<long> _outOfOrder = [];
    private ushort _ipId = ipId;
    private uint _clientIsn;
    private uint _client;
    private ushort _clientPort;
    private long _expected;
    private int _pending;
    private long _ackGeneration;

    public void Receive(long now, in TcpSegment segment)
    {
        if ((segment.Flags & TcpFlags.Syn) != 0)
        {
            _clientIsn = segment.Sequence;
            _client = segment.SourceIp;
            _clientPort = segment.SourcePort;
            Transmit(now, isn, _clientIsn + 1, TcpFlags.Syn | TcpFlags.Ack);
            return;
        }
        if ((segment.Flags & TcpFlags.Fin) != 0)
        {
            _ackGeneration++;
            _pending = 0;
            if (segment.Sequence == Expected())
                Transmit(now, isn + 1, segment.Sequence + 1, TcpFlags.Fin | TcpFlags.Ack);
            else
                AcknowledgeNow(now);
            return;
        }
        if (segment.PayloadLength == 0)
            return;
        var index = (segment.Sequence - (_clientIsn + 1)) / (uint)_options.SegmentSize;
        if (index == _expected)
        {
            _expected++;
            var filled = false;
            while (_outOfOrder.Remove(_expected))
            {
                _expected++;
                filled = true;
            }
            if (filled || _outOfOrder.Count > 0 || ++_pending >= 2)
                AcknowledgeNow(now);
            else
                simulation.Schedule(ChainEventKind.DelayedAck, flow, now + _options.DelayedAckNanos, ++_ackGeneration);
            return;
        }
        if (index > _expected)
            _outOfOrder.Add(index);
        AcknowledgeNow(now);
    }

    public void OnDelayedAck(long now, long generation)
    {
        if (generation == _ackGeneration && _pending > 0)
            AcknowledgeNow(now);
    }

    private uint Expected() => unchecked(_clientIsn + 1 + (uint)(_expected * _options.SegmentSize));

    private void AcknowledgeNow(long now)
    {
        _pending = 0;
        _ackGeneration++;
        Transmit(now, isn + 1, Expected(), TcpFlags.Ack);
    }

    private void Transmit(long now, uint sequence, uint acknowledgment, TcpFlags flags)
    {
        var endpoints = _options.Endpoints;
        var segment = SegmentOf.Tcp(endpoints.Server, endpoints.ServerPort, _client, _clientPort, sequence, acknowledgment,
            flags, _ipId++, 0);
        simulation.SendReverse(flow, in segment, now + _options.ServerStackNanos);
    }
}
