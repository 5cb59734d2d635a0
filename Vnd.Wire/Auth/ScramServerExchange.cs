using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vnd.Wire.Errors;

namespace Vnd.Wire.Auth;

/// <summary>
/// The server side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677), with tls-server-end-point channel binding
/// (RFC 5929, SCRAM-SHA-256-PLUS) when the connection is TLS and the caller passes the certificate hash:
/// client-first → server-first (salt, iterations, combined nonce) → client-final (proof) → server-final
/// (server signature). The mechanism's own user name is ignored, as in PostgreSQL: the startup user counts.
/// </summary>
public sealed class ScramServerExchange
{
    private readonly ScramVerifier _verifier;
    private readonly bool _isMock;
    private readonly string _serverNonce;
    private readonly byte[]? _channelBinding;
    private string? _gs2Header;
    private bool _bound;
    private string? _clientFirstBare;
    private string? _serverFirst;
    private string? _nonce;

    /// <param name="verifier">The user's verifier; for an unknown user a mock one (see <see cref="Mock"/>).</param>
    /// <param name="isMock">True for a mock exchange: it runs every step and then always fails.</param>
    /// <param name="serverNonce">Printable nonce without ','; <see cref="NewNonce"/> makes a random one.</param>
    /// <param name="channelBinding">tls-server-end-point data (hash of the server certificate) when the server
    /// offered SCRAM-SHA-256-PLUS; null on plain connections.</param>
    public ScramServerExchange(ScramVerifier verifier, bool isMock, string serverNonce, byte[]? channelBinding = null)
    {
        _verifier = verifier;
        _isMock = isMock;
        _serverNonce = serverNonce;
        _channelBinding = channelBinding;
    }

    /// <summary>True when the client used channel binding (flag <c>p=tls-server-end-point</c>).</summary>
    public bool UsesChannelBinding => _bound;

    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    /// <summary>
    /// A mock verifier for an unknown user: the salt is derived from the user name with a per-server secret, so
    /// repeated attempts see the same salt (as for a real user) and the reply reveals nothing; the keys are random.
    /// </summary>
    public static ScramVerifier Mock(string user, byte[] serverSecret)
    {
        var salt = HMACSHA256.HashData(serverSecret, Encoding.UTF8.GetBytes(user))[..16];
        return new ScramVerifier(ScramVerifier.DefaultIterations, salt, RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>Consumes client-first-message, returns server-first-message.</summary>
    public string HandleClientFirst(string clientFirst)
    {
        // gs2-header = cbind-flag "," [authzid] ","
        var first = clientFirst.IndexOf(',', StringComparison.Ordinal);
        var second = first < 0 ? -1 : clientFirst.IndexOf(',', first + 1);
        if (second < 0)
        {
            throw Malformed("malformed SCRAM message");
        }

        var flag = clientFirst[..first];
        if (flag.StartsWith("p=", StringComparison.Ordinal))
        {
            if (_channelBinding is null)
            {
                throw Malformed("channel binding is not supported on this connection; connect with channel_binding=disable or prefer");
            }

            if (flag != "p=tls-server-end-point")
            {
                throw Malformed($"unsupported SCRAM channel-binding type \"{flag[2..]}\"");
            }

            _bound = true;
        }
        else if (flag == "y" && _channelBinding is not null)
        {
            // The client could bind but believes the server cannot: the PLUS offer was stripped (downgrade).
            throw Malformed("SCRAM channel binding negotiation error");
        }
        else if (flag is not ("n" or "y"))
        {
            throw Malformed("malformed SCRAM message: unexpected channel-binding flag");
        }

        if (second != first + 1)
        {
            throw new PgErrorException(SqlState.FeatureNotSupported, "client uses authorization identity, but it is not supported", PgSeverity.Fatal);
        }

        _gs2Header = clientFirst[..(second + 1)];
        _clientFirstBare = clientFirst[(second + 1)..];
        var clientNonce = Attribute(_clientFirstBare, 'r');
        if (clientNonce.Length == 0 || clientNonce.AsSpan().IndexOfAnyExceptInRange('!', '~') >= 0 || clientNonce.Contains(',', StringComparison.Ordinal))
        {
            throw Malformed("malformed SCRAM message: invalid nonce");
        }

        _nonce = clientNonce + _serverNonce;
        _serverFirst = string.Create(CultureInfo.InvariantCulture,
            $"r={_nonce},s={Convert.ToBase64String(_verifier.Salt)},i={_verifier.Iterations}");
        return _serverFirst;
    }

    /// <summary>
    /// Consumes client-final-message. Returns true and the server-final-message when the proof is right; false for
    /// a wrong proof (or a mock exchange). Malformed messages throw 08P01.
    /// </summary>
    public bool HandleClientFinal(string clientFinal, out string serverFinal)
    {
        serverFinal = "";
        if (_serverFirst is null || _gs2Header is null)
        {
            throw Malformed("SCRAM client-final-message before client-first-message");
        }

        var proofAt = clientFinal.LastIndexOf(",p=", StringComparison.Ordinal);
        if (proofAt < 0)
        {
            throw Malformed("malformed SCRAM message: missing proof");
        }

        var withoutProof = clientFinal[..proofAt];
        var binding = Attribute(withoutProof, 'c');
        var header = Encoding.UTF8.GetBytes(_gs2Header);
        byte[] expected = _bound ? [.. header, .. _channelBinding!] : header;
        if (binding != Convert.ToBase64String(expected))
        {
            throw Malformed("SCRAM channel binding check failed");
        }

        if (Attribute(withoutProof, 'r') != _nonce)
        {
            throw Malformed("SCRAM nonce does not match");
        }

        byte[] proof;
        try
        {
            proof = Convert.FromBase64String(clientFinal[(proofAt + 3)..]);
        }
        catch (FormatException)
        {
            throw Malformed("malformed SCRAM message: invalid proof");
        }

        if (proof.Length != 32)
        {
            throw Malformed("malformed SCRAM message: invalid proof length");
        }

        var authMessage = Encoding.UTF8.GetBytes(_clientFirstBare + "," + _serverFirst + "," + withoutProof);
        var clientSignature = HMACSHA256.HashData(_verifier.StoredKey, authMessage);
        for (var i = 0; i < 32; i++)
        {
            clientSignature[i] ^= proof[i];
        }

        var ok = CryptographicOperations.FixedTimeEquals(SHA256.HashData(clientSignature), _verifier.StoredKey) && !_isMock;
        if (ok)
        {
            serverFinal = "v=" + Convert.ToBase64String(HMACSHA256.HashData(_verifier.ServerKey, authMessage));
        }

        return ok;
    }

    /// <summary>
    /// tls-server-end-point data (RFC 5929 §4.1): the certificate hashed with its signature's hash function,
    /// SHA-256 when that is MD5 or SHA-1.
    /// </summary>
    public static byte[] TlsServerEndPoint(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        certificate.SignatureAlgorithm.Value switch
        {
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => SHA384.HashData(certificate.RawData),
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => SHA512.HashData(certificate.RawData),
            _ => SHA256.HashData(certificate.RawData),
        };

    /// <summary>The value of "x=value" in a comma-separated attribute list, or "" when absent.</summary>
    private static string Attribute(string message, char name)
    {
        foreach (var part in message.Split(','))
        {
            if (part.Length >= 2 && part[0] == name && part[1] == '=')
            {
                return part[2..];
            }
        }

        return "";
    }

    private static PgErrorException Malformed(string message) =>
        new(SqlState.ProtocolViolation, message, PgSeverity.Fatal);
}
