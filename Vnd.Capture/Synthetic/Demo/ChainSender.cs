namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// A client's TCP sender, NewReno-like: three-way handshake, an application writing at a fixed rate, a congestion
/// window (initial 10, slow start, +1 per window in congestion avoidance, capped by the receiver's window), fast
/// retransmit on three duplicate ACKs, a partial ACK retransmitting the next hole, a retransmission timeout, and a
/// FIN once the application has stopped and all its data is acknowledged. Every transmission, retransmissions
/// included, carries a fresh IP id, so the paper's packet id (ip.id + seq &lt;&lt; 16) tells them apart.
/// </summary>
internal sealed class ChainSender
{
    private const int HeaderBytes = 54;
    private readonly ChainSimulation _simulation;
    private readonly ChainScenarioOptions _options;
    private readonly int _flow;
    private readonly uint _client;
    private readonly ushort _clientPort;
    private readonly uint _isn;
    private ushort _ipId;
    private uint _serverIsn;
    private SenderState _state;
    private long _produced;
    private long _next;
    private long _highestSent;
    private long _acked;
    private double _cwnd = 10;
    private double _ssthresh = double.MaxValue;
    private int _duplicateAcks;
    private bool _recovering;
    private long _recoverPoint;
    private long _timerGeneration;
    private long _nicFree;
    private bool _applicationDone;

    public ChainSender(ChainSimulation simulation, int flow, uint client, ushort clientPort, uint isn, ushort ipId)
    {
        _simulation = simulation;
        _options = simulation.Options;
        _flow = flow;
        _client = client;
        _clientPort = clientPort;
        _isn = isn;
        _ipId = ipId;
    }

    private enum SenderState : byte
    {
        Idle,
        SynSent,
        Established,
        FinSent,
        Closed,
    }

    public void Open(long now)
    {
        _state = SenderState.SynSent;
        Transmit(now, _isn, 0, TcpFlags.Syn, 0);
        ArmTimer(now, _options.SynRtoNanos);
    }

    /// <summary>The application writes one segment's worth of data.</summary>
    public void Produce(long now)
    {
        _produced++;
        TrySend(now);
    }

    /// <summary>The application has written its last segment.</summary>
    public void StopApplication(long now)
    {
        _applicationDone = true;
        MaybeFinish(now);
    }

    public void Receive(long now, in TcpSegment segment)
    {
        if (_state == SenderState.SynSent && (segment.Flags & TcpFlags.Syn) != 0)
        {
            _serverIsn = segment.Sequence;
            _state = SenderState.Established;
            _timerGeneration++;
            Transmit(now, _isn + 1, _serverIsn + 1, TcpFlags.Ack, 0);
            TrySend(now);
            return;
        }
        if (_state == SenderState.FinSent && (segment.Flags & TcpFlags.Fin) != 0 && segment.Acknowledgment == DataSequence(_produced) + 1)
        {
            _state = SenderState.Closed;
            _timerGeneration++;
            Transmit(now, DataSequence(_produced) + 1, segment.Sequence + 1, TcpFlags.Ack, 0);
            return;
        }
        if (_state is SenderState.Established or SenderState.FinSent)
            OnAcknowledgment(now, (segment.Acknowledgment - (_isn + 1)) / (uint)_options.SegmentSize);
    }

    public void OnTimer(long now, long generation)
    {
        if (generation != _timerGeneration)
            return;
        switch (_state)
        {
            case SenderState.SynSent:
                Transmit(now, _isn, 0, TcpFlags.Syn, 0);
                ArmTimer(now, _options.SynRtoNanos);
                return;
            case SenderState.FinSent:
                Transmit(now, DataSequence(_produced), _serverIsn + 1, TcpFlags.Fin | TcpFlags.Ack, 0);
                ArmTimer(now, _options.MinRtoNanos);
                return;
            case SenderState.Established when _next > _acked:
                // Timeout: the window collapses to one segment and sending resumes from the first unacknowledged.
                _ssthresh = Math.Max((_next - _acked) / 2.0, 2);
                _cwnd = 1;
                _recovering = false;
                _duplicateAcks = 0;
                _next = _acked;
                TrySend(now);
                return;
        }
    }

    private void OnAcknowledgment(long now, long acknowledged)
    {
        // After a timeout _next goes back to the first hole, so an ACK may cover segments beyond it.
        if (acknowledged > _acked && acknowledged <= _highestSent)
        {
            var newly = acknowledged - _acked;
            _acked = acknowledged;
            _next = Math.Max(_next, _acked);
            _duplicateAcks = 0;
            if (_recovering)
            {
                if (_acked >= _recoverPoint)
                {
                    _recovering = false;
                    _cwnd = _ssthresh;
                }
                else
                {
                    SendData(now, _acked); // a partial ACK names the next hole
                }
            }
            else
            {
                _cwnd = _cwnd < _ssthresh ? _cwnd + newly : _cwnd + newly / _cwnd;
                _cwnd = Math.Min(_cwnd, _options.MaxWindowSegments);
            }
            if (_next > _acked)
                ArmTimer(now, _options.MinRtoNanos);
            else
                _timerGeneration++;
            TrySend(now);
            MaybeFinish(now);
        }
        else if (acknowledged == _acked && _next > _acked && ++_duplicateAcks == 3 && !_recovering)
        {
            _ssthresh = Math.Max((_next - _acked) / 2.0, 2);
            _cwnd = _ssthresh;
            _recovering = true;
            _recoverPoint = _next;
            SendData(now, _acked);
            ArmTimer(now, _options.MinRtoNanos);
        }
    }

    private void TrySend(long now)
    {
        if (_state != SenderState.Established)
            return;
        var armed = _next > _acked;
        while (_next < _produced && _next - _acked < (long)_cwnd)
            SendData(now, _next++);
        if (!armed && _next > _acked)
            ArmTimer(now, _options.MinRtoNanos);
    }

    private void MaybeFinish(long now)
    {
        if (!_applicationDone || _state != SenderState.Established || _acked != _produced)
            return;
        _state = SenderState.FinSent;
        Transmit(now, DataSequence(_produced), _serverIsn + 1, TcpFlags.Fin | TcpFlags.Ack, 0);
        ArmTimer(now, _options.MinRtoNanos);
    }

    private void SendData(long now, long index)
    {
        _highestSent = Math.Max(_highestSent, index + 1);
        Transmit(now, DataSequence(index), _serverIsn + 1, TcpFlags.Ack | TcpFlags.Psh, _options.SegmentSize);
    }

    private uint DataSequence(long index) => unchecked(_isn + 1 + (uint)(index * _options.SegmentSize));

    private void Transmit(long now, uint sequence, uint acknowledgment, TcpFlags flags, int payload)
    {
        var endpoints = _options.Endpoints;
        var segment = SegmentOf.Tcp(_client, _clientPort, endpoints.Server, endpoints.ServerPort, sequence, acknowledgment,
            flags, _ipId++, payload);
        var start = Math.Max(now, _nicFree);
        _nicFree = start + (HeaderBytes + payload) * _options.ClientNanosPerByte;
        _simulation.SendForward(_flow, in segment, start);
    }

    private void ArmTimer(long now, long timeout) =>
        _simulation.Schedule(ChainEventKind.Retransmit, _flow, now + timeout, ++_timerGeneration);
}
