namespace Vnd.Capture.Synthetic;

/// <summary>The state machine of one generated connection: handshake, data with delayed ACKs, FIN exchange.</summary>
internal struct TcpConnectionState
{
    private const ulong ClientMacBase = 0x02_00_00_00_00_00;
    private const ulong ServerMacBase = 0x02_00_00_01_00_00;

    private readonly uint _client;
    private readonly uint _server;
    private readonly ushort _clientPort;
    private readonly ushort _serverPort;
    private readonly int _dataSegments;
    private uint _clientSeq;
    private uint _serverSeq;
    private ushort _clientIpId;
    private ushort _serverIpId;
    private int _step;
    private int _sent;
    private int _unacked;

    public TcpConnectionState(uint client, uint server, ushort clientPort, ushort serverPort, uint clientIsn, uint serverIsn, int dataSegments, ushort ipId)
    {
        _client = client;
        _server = server;
        _clientPort = clientPort;
        _serverPort = serverPort;
        _clientSeq = clientIsn;
        _serverSeq = serverIsn;
        _dataSegments = Math.Max(1, dataSegments);
        _clientIpId = ipId;
        _serverIpId = (ushort)(ipId ^ 0x5A5A);
    }

    public readonly bool Finished => _step == 4;

    /// <summary>Fills the next segment of this connection.</summary>
    public void Next(ref TcpSegment s, int segmentSize)
    {
        switch (_step)
        {
            case 0: // SYN
                FromClient(ref s, TcpFlags.Syn, 0);
                _clientSeq++;
                s.Sequence = _clientSeq - 1;
                s.Acknowledgment = 0;
                _step = 1;
                _sent = -1;
                return;
            case 1 when _sent == -1: // SYN-ACK
                FromServer(ref s, TcpFlags.Syn | TcpFlags.Ack, 0);
                _serverSeq++;
                s.Sequence = _serverSeq - 1;
                _sent = -2;
                return;
            case 1: // ACK completing the handshake
                FromClient(ref s, TcpFlags.Ack, 0);
                _step = 2;
                _sent = 0;
                return;
            case 2:
                if (_unacked == 2 || (_sent == _dataSegments && _unacked > 0))
                {
                    FromClient(ref s, TcpFlags.Ack, 0); // delayed ACK for two segments
                    _unacked = 0;
                    if (_sent == _dataSegments)
                        _step = 3;
                    return;
                }
                FromServer(ref s, TcpFlags.Ack | TcpFlags.Psh, segmentSize);
                _serverSeq += (uint)segmentSize;
                _sent++;
                _unacked++;
                return;
            default: // FIN from the server, acknowledged by the client's FIN-ACK
                if (_sent >= 0)
                {
                    FromServer(ref s, TcpFlags.Fin | TcpFlags.Ack, 0);
                    _serverSeq++;
                    _sent = -3;
                    return;
                }
                FromClient(ref s, TcpFlags.Fin | TcpFlags.Ack, 0);
                _clientSeq++;
                _step = 4;
                return;
        }
    }

    private void FromClient(ref TcpSegment s, TcpFlags flags, int payload)
    {
        Fill(ref s, _client, _clientPort, ClientMacBase, _server, _serverPort, ServerMacBase, flags, payload);
        s.Sequence = _clientSeq;
        s.Acknowledgment = _serverSeq;
        s.IpId = _clientIpId++;
    }

    private void FromServer(ref TcpSegment s, TcpFlags flags, int payload)
    {
        Fill(ref s, _server, _serverPort, ServerMacBase, _client, _clientPort, ClientMacBase, flags, payload);
        s.Sequence = _serverSeq;
        s.Acknowledgment = _clientSeq;
        s.IpId = _serverIpId++;
    }

    private static void Fill(ref TcpSegment s, uint source, ushort sourcePort, ulong sourceMacBase,
        uint destination, ushort destinationPort, ulong destinationMacBase, TcpFlags flags, int payload)
    {
        s.SourceMac = sourceMacBase | (source & 0xFFFF);
        s.DestinationMac = destinationMacBase | (destination & 0xFFFF);
        s.SourceIp = source;
        s.DestinationIp = destination;
        s.SourcePort = sourcePort;
        s.DestinationPort = destinationPort;
        s.Flags = flags;
        s.Window = 65535;
        s.Ttl = 64;
        s.PayloadLength = payload;
    }
}
