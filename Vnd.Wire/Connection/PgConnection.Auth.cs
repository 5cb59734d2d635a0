using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Vnd.Wire.Auth;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;
using Vnd.Wire.Protocol;
using Vnd.Wire.Protocol.Frontend;

namespace Vnd.Wire.Connection;

internal sealed partial class PgConnection
{
    private const string ScramMechanism = "SCRAM-SHA-256";
    private const string ScramPlusMechanism = "SCRAM-SHA-256-PLUS";

    /// <summary>
    /// Runs the configured authentication. Unknown users go through the same exchange as known ones (a mock SCRAM
    /// verifier, a challenge for md5/cleartext) and fail with the same message, so the reply does not reveal
    /// whether a role exists.
    /// </summary>
    private async ValueTask AuthenticateAsync(string user, PgUserAccount? account, CancellationToken cancellationToken)
    {
        var method = _options.AuthMethod;
        if (method == PgAuthMethod.Trust)
        {
            if (!IsLoopbackPeer)
            {
                throw new PgErrorException(SqlState.InvalidAuthorizationSpecification,
                    $"trust authentication is only allowed for loopback connections (user \"{user}\")", PgSeverity.Fatal);
            }

            if (account is null)
            {
                throw new PgErrorException(SqlState.InvalidAuthorizationSpecification, $"role \"{user}\" does not exist", PgSeverity.Fatal);
            }

            return;
        }

        var secret = account?.Secret;
        var scram = secret is not null && ScramVerifier.TryParse(secret, out var parsed) ? parsed : null;
        bool ok;
        if (method == PgAuthMethod.ScramSha256 || (method == PgAuthMethod.Md5 && scram is not null))
        {
            ok = await ScramAsync(scram ?? ScramServerExchange.Mock(user, _server.MockSecret), scram is null, cancellationToken).ConfigureAwait(false);
        }
        else if (method == PgAuthMethod.Md5)
        {
            var salt = RandomNumberGenerator.GetBytes(4);
            _writer.WriteAuthentication(AuthenticationCode.Md5Password, salt);
            var response = await ReadPasswordAsync(cancellationToken).ConfigureAwait(false);
            ok = secret is not null && Md5Password.Verify(response, secret, salt);
        }
        else
        {
            _writer.WriteAuthentication(AuthenticationCode.CleartextPassword);
            var password = await ReadPasswordAsync(cancellationToken).ConfigureAwait(false);
            ok = scram?.Matches(password) ?? (secret is not null && secret == Md5Password.Hash(password, user));
        }

        if (!ok)
        {
            throw new PgErrorException(SqlState.InvalidPassword, $"password authentication failed for user \"{user}\"", PgSeverity.Fatal);
        }
    }

    private async ValueTask<bool> ScramAsync(ScramVerifier verifier, bool isMock, CancellationToken cancellationToken)
    {
        // AuthenticationSASL: the mechanism list, each a C string, ended by an empty one. Over TLS the
        // channel-bound variant comes first (tls-server-end-point of our certificate).
        var binding = _stream is System.Net.Security.SslStream && _options.Certificate is { } certificate
            ? ScramServerExchange.TlsServerEndPoint(certificate)
            : null;
        _writer.WriteAuthentication(AuthenticationCode.Sasl, binding is null ? "SCRAM-SHA-256\0\0"u8 : "SCRAM-SHA-256-PLUS\0SCRAM-SHA-256\0\0"u8);
        var exchange = new ScramServerExchange(verifier, isMock, ScramServerExchange.NewNonce(), binding);
        string clientFirst;
        bool plus;
        {
            var message = await ReadAuthMessageAsync(cancellationToken).ConfigureAwait(false);
            var body = new BodyReader(message.Body);
            var mechanism = body.ReadCString();
            plus = binding is not null && mechanism == ScramPlusMechanism;
            if (mechanism != ScramMechanism && !plus)
            {
                throw new PgProtocolException("client selected an invalid SASL authentication mechanism");
            }

            var length = body.ReadInt32();
            if (length != body.Remaining)
            {
                throw new PgProtocolException("malformed SASLInitialResponse message");
            }

            clientFirst = BodyReader.Decode(body.ReadBytes(length));
        }

        var serverFirst = exchange.HandleClientFirst(clientFirst);
        if (plus != exchange.UsesChannelBinding)
        {
            throw new PgProtocolException(plus
                ? "channel binding is required by SCRAM-SHA-256-PLUS but the client did not use it"
                : "channel binding used with SCRAM-SHA-256 instead of SCRAM-SHA-256-PLUS");
        }

        _writer.WriteAuthentication(AuthenticationCode.SaslContinue, Encoding.UTF8.GetBytes(serverFirst));
        var final = await ReadAuthMessageAsync(cancellationToken).ConfigureAwait(false);
        if (!exchange.HandleClientFinal(BodyReader.Decode(final.Body), out var serverFinal))
        {
            return false;
        }

        _writer.WriteAuthentication(AuthenticationCode.SaslFinal, Encoding.UTF8.GetBytes(serverFinal));
        return true;
    }

    private async ValueTask<string> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        var message = await ReadAuthMessageAsync(cancellationToken).ConfigureAwait(false);
        var body = new BodyReader(message.Body);
        var password = body.ReadCString();
        body.ExpectEnd();
        return password;
    }

    /// <summary>Flushes the pending challenge and reads the client's 'p' answer (EOF = the client gave up).</summary>
    private async ValueTask<FrontendMessage> ReadAuthMessageAsync(CancellationToken cancellationToken)
    {
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var message = await _reader.ReadAsync(ProtocolLimits.MaxAuthMessageLength, cancellationToken).ConfigureAwait(false)
                      ?? throw new EndOfStreamException("client closed the connection during authentication");
        if (message.Code != FrontendMessageCode.Password)
        {
            throw new PgProtocolException($"expected password response, got message type {message.Code}");
        }

        return message;
    }
}
