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
        s.SourceMac = ClientMacBase | (_client & 0xFFFF);
        s.DestinationMac = ServerMacBase | (_server & 0xFFFF);
        s.SourceIp = _client;
        s.DestinationIp = _server;
        s.SourcePort = _clientPort;
        s.DestinationPort = _serverPort;
        s.Sequence = _clientSeq;
        s.Acknowledgment = _serverSeq;
        s.Flags = flags;
        s.Window = 65535;
        s.IpId = _clientIpId++;
        s.Ttl = 64;
        s.PayloadLength = payload;
    }

    private void FromServer(ref TcpSegment s, TcpFlags flags, int payload)
    {
        s.SourceMac = ServerMacBase | (_server & 0xFFFF);
        s.DestinationMac = ClientMacBase | (_client & 0xFFFF);
        s.SourceIp = _server;
        s.DestinationIp = _client;
        s.SourcePort = _serverPort;
        s.DestinationPort = _clientPort;
        s.Sequence = _serverSeq;
        s.Acknowledgment = _clientSeq;
        s.Flags = flags;
        s.Window = 65535;
        s.IpId = _serverIpId++;
        s.Ttl = 64;
        s.PayloadLength = payload;
    }
}
