using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Vnd.Wire.Errors;
using Vnd.Wire.Protocol;
using Vnd.Wire.Protocol.Frontend;
using Vnd.Wire.Results;

namespace Vnd.Wire.Connection;

internal sealed partial class PgConnection
{
    private bool _sslDone;
    private bool _gssDone;

    /// <summary>
    /// Startup phase: SSLRequest/GSSENCRequest negotiation (each at most once), CancelRequest (answered by closing),
    /// then the StartupMessage, authentication and the session's opening messages. False = close quietly.
    /// </summary>
    private async ValueTask<bool> StartupAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown);
        timeout.CancelAfter(_options.AuthenticationTimeout);
        try
        {
            while (true)
            {
                if (await _reader.ReadStartupAsync(timeout.Token).ConfigureAwait(false) is not { } packet)
                {
                    return false;
                }

                switch (packet.Code)
                {
                    case StartupCode.CancelRequest:
                        if (packet.TryGetCancelKey(out var processId, out var secretKey))
                        {
                            _server.Registry.Cancel(processId, secretKey);
                        }

                        return false;
                    case StartupCode.SslRequest:
                        await NegotiateSslAsync(packet, timeout.Token).ConfigureAwait(false);
                        break;
                    case StartupCode.GssEncRequest:
                        ExpectBareRequest(packet, ref _gssDone, "GSSAPI encryption");
                        _writer.WriteByte((byte)'N');
                        await _output.FlushAsync(timeout.Token).ConfigureAwait(false);
                        break;
                    default:
                        await StartSessionAsync(packet, timeout.Token).ConfigureAwait(false);
                        return true;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_shutdown.IsCancellationRequested)
        {
            throw new PgProtocolException("canceling authentication due to timeout");
        }
    }

    private static void ExpectBareRequest(in StartupPacket packet, ref bool done, string what)
    {
        if (packet.Length != 8)
        {
            throw new PgProtocolException("invalid length of startup packet");
        }

        if (done)
        {
            throw new PgProtocolException($"{what} negotiation requested twice");
        }

        done = true;
    }

    /// <summary>
    /// Answers SSLRequest. With a certificate: 'S', then — if the client already sent more bytes, which would have
    /// been read unencrypted (CVE-2021-23214) — a FATAL error; else the TLS handshake and new pipes over SslStream.
    /// </summary>
    private async ValueTask NegotiateSslAsync(StartupPacket packet, CancellationToken cancellationToken)
    {
        ExpectBareRequest(packet, ref _sslDone, "SSL");
        if (_options.Certificate is null || _stream is null)
        {
            _writer.WriteByte((byte)'N');
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        _writer.WriteByte((byte)'S');
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_reader.BufferedAfterCurrent > 0)
        {
            throw new PgErrorException(SqlState.ProtocolViolation, "received unencrypted data after SSL request", PgSeverity.Fatal,
                "This could be either a client-software bug or evidence of an attempted man-in-the-middle attack.");
        }

        _reader.Release();
        await _input.CompleteAsync().ConfigureAwait(false);
        await _output.CompleteAsync().ConfigureAwait(false);
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = tls;
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = _options.Certificate,
            ClientCertificateRequired = false,
        }, cancellationToken).ConfigureAwait(false);
        _input = PipeReader.Create(tls, new StreamPipeReaderOptions(leaveOpen: true));
        _output = PipeWriter.Create(tls, new StreamPipeWriterOptions(leaveOpen: true));
        _reader.Replace(_input);
        _writer = new Protocol.Backend.BackendWriter(_output);
    }

    private async ValueTask StartSessionAsync(StartupPacket packet, CancellationToken cancellationToken)
    {
        var major = (packet.Code >> 16) & 0xFFFF;
        var minor = packet.Code & 0xFFFF;
        if (major != 3)
        {
            throw new PgProtocolException($"unsupported frontend protocol {major}.{minor}: server supports 3.0 to 3.0", SqlState.FeatureNotSupported);
        }

        var parameters = StartupParameters.Read(packet);
        StartupOptions.Expand(parameters);
        var unrecognised = new List<string>();
        foreach (var name in parameters.Keys)
        {
            if (name.StartsWith("_pq_.", StringComparison.Ordinal))
            {
                unrecognised.Add(name);
            }
        }

        if (minor > 0 || unrecognised.Count > 0)
        {
            // Protocol 3.x: we speak 3.0 and say so instead of refusing, as PostgreSQL does since 9.3.
            _writer.WriteNegotiateProtocolVersion(0, unrecognised);
        }

        if (!parameters.TryGetValue("user", out var user) || user.Length == 0)
        {
            throw new PgErrorException(SqlState.InvalidAuthorizationSpecification, "no PostgreSQL user name specified in startup packet", PgSeverity.Fatal);
        }

        var database = parameters.TryGetValue("database", out var db) && db.Length > 0 ? db : user;
        var timeZone = ResolveTimeZone(StartupOptions.Find(parameters, "TimeZone") ?? _options.DefaultTimeZone);
        var account = await _server.Handler.FindUserAsync(user, database, cancellationToken).ConfigureAwait(false);
        await AuthenticateAsync(user, account, cancellationToken).ConfigureAwait(false);
        var isAdmin = account?.IsAdmin ?? false;
        if (_server.Registry.TryAdmit(user, isAdmin, _options.MaxConnections, _options.ReservedAdminConnections, _options.MaxConnectionsPerUser) is { } refusal)
        {
            throw new PgErrorException(SqlState.TooManyConnections, refusal, PgSeverity.Fatal);
        }

        _admittedUser = user;
        _writer.WriteAuthentication(AuthenticationCode.Ok);
        _context = new SessionContext(this, timeZone)
        {
            User = user,
            Database = database,
            IsAdmin = isAdmin,
            ProcessId = _processId,
            RemoteEndPoint = _remote,
            StartupParameters = parameters,
        };
        _session = await _server.Handler.OpenSessionAsync(_context, cancellationToken).ConfigureAwait(false);
        _rows = new DataRowWriter(_writer, timeZone);
        _copy = new CopyDataWriter(_writer);
        WriteParameterStatuses(user, isAdmin, timeZone, StartupOptions.Find(parameters, "application_name") ?? "");
        _writer.WriteBackendKeyData(_processId, _secretKey);
    }

    private void WriteParameterStatuses(string user, bool isAdmin, TimeZoneInfo timeZone, string applicationName)
    {
        _writer.WriteParameterStatus("application_name", applicationName);
        _writer.WriteParameterStatus("client_encoding", "UTF8");
        _writer.WriteParameterStatus("DateStyle", "ISO, MDY");
        _writer.WriteParameterStatus("default_transaction_read_only", "off");
        _writer.WriteParameterStatus("in_hot_standby", "off");
        _writer.WriteParameterStatus("integer_datetimes", "on");
        _writer.WriteParameterStatus("IntervalStyle", "postgres");
        _writer.WriteParameterStatus("is_superuser", isAdmin ? "on" : "off");
        _writer.WriteParameterStatus("server_encoding", "UTF8");
        _writer.WriteParameterStatus("server_version", _options.ServerVersion);
        _writer.WriteParameterStatus("session_authorization", user);
        _writer.WriteParameterStatus("standard_conforming_strings", "on");
        _writer.WriteParameterStatus("TimeZone", timeZone.Id);
    }

    private static TimeZoneInfo ResolveTimeZone(string name)
    {
        if (name.Equals("UTC", StringComparison.OrdinalIgnoreCase) || name.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)
            ? zone
            : throw new PgErrorException(SqlState.InvalidParameterValue, $"invalid value for parameter \"TimeZone\": \"{name}\"", PgSeverity.Fatal);
    }

    /// <summary>A peer on this machine: loopback TCP, or a Unix-domain socket (PostgreSQL's "local").</summary>
    private bool IsLoopbackPeer => _remote is IPEndPoint { Address: var address } ? IPAddress.IsLoopback(address) : _remote is UnixDomainSocketEndPoint;
}
