using System.Security.Cryptography;
using System.Text;
using Vnd.Wire.Auth;
using Vnd.Wire.Errors;

namespace Vnd.Wire.Tests;

/// <summary>SCRAM-SHA-256 against the RFC 7677 §3 example exchange, plus the failure modes.</summary>
public sealed class ScramTests
{
    private const string ClientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    private const string ServerNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private const string ServerFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private const string ClientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private const string ServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static ScramVerifier Rfc7677Verifier() =>
        ScramVerifier.FromPassword("pencil", 4096, Convert.FromBase64String("W22ZaJ0SNY7soEsUEjb6gQ=="));

    [Fact]
    public void Rfc7677_exchange_produces_the_documented_messages()
    {
        var exchange = new ScramServerExchange(Rfc7677Verifier(), isMock: false, ServerNonce);
        Assert.Equal(ServerFirst, exchange.HandleClientFirst(ClientFirst));
        Assert.True(exchange.HandleClientFinal(ClientFinal, out var serverFinal));
        Assert.Equal(ServerFinal, serverFinal);
    }

    [Fact]
    public void Wrong_proof_fails_without_a_server_signature()
    {
        var exchange = new ScramServerExchange(Rfc7677Verifier(), isMock: false, ServerNonce);
        exchange.HandleClientFirst(ClientFirst);
        var wrong = ClientFinal[..^44] + Convert.ToBase64String(new byte[32]);
        Assert.False(exchange.HandleClientFinal(wrong, out var serverFinal));
        Assert.Equal("", serverFinal);
    }

    [Fact]
    public void Mock_exchange_fails_even_with_a_valid_proof_and_uses_a_stable_salt()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(ScramServerExchange.Mock("ghost", secret).Salt, ScramServerExchange.Mock("ghost", secret).Salt);
        Assert.NotEqual(ScramServerExchange.Mock("ghost", secret).Salt, ScramServerExchange.Mock("other", secret).Salt);
        var exchange = new ScramServerExchange(Rfc7677Verifier(), isMock: true, ServerNonce);
        exchange.HandleClientFirst(ClientFirst);
        Assert.False(exchange.HandleClientFinal(ClientFinal, out _));
    }

    [Fact]
    public void Channel_binding_and_authzid_are_refused()
    {
        var binding = Assert.Throws<PgErrorException>(() =>
            new ScramServerExchange(Rfc7677Verifier(), false, ServerNonce).HandleClientFirst("p=tls-server-end-point,,n=,r=abc"));
        Assert.Equal("08P01", binding.SqlState);
        var authzid = Assert.Throws<PgErrorException>(() =>
            new ScramServerExchange(Rfc7677Verifier(), false, ServerNonce).HandleClientFirst("n,a=admin,n=,r=abc"));
        Assert.Equal("0A000", authzid.SqlState);
        var yes = new ScramServerExchange(Rfc7677Verifier(), false, ServerNonce);
        Assert.StartsWith("r=abc", yes.HandleClientFirst("y,,n=,r=abc"), StringComparison.Ordinal);
    }

    [Fact]
    public void Tampered_nonce_or_binding_is_a_protocol_violation()
    {
        var exchange = new ScramServerExchange(Rfc7677Verifier(), false, ServerNonce);
        exchange.HandleClientFirst(ClientFirst);
        Assert.Equal("08P01", Assert.Throws<PgErrorException>(() => exchange.HandleClientFinal(ClientFinal.Replace("r=rOpr", "r=xOpr", StringComparison.Ordinal), out _)).SqlState);
        Assert.Equal("08P01", Assert.Throws<PgErrorException>(() => exchange.HandleClientFinal(ClientFinal.Replace("c=biws", "c=eSws", StringComparison.Ordinal), out _)).SqlState);
    }

    [Fact]
    public void Verifier_text_round_trips_in_postgres_format_and_checks_passwords()
    {
        var verifier = Rfc7677Verifier();
        var text = verifier.ToString();
        Assert.StartsWith("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$", text, StringComparison.Ordinal);
        Assert.True(ScramVerifier.TryParse(text, out var parsed));
        Assert.Equal(verifier.StoredKey, parsed.StoredKey);
        Assert.Equal(verifier.ServerKey, parsed.ServerKey);
        Assert.True(parsed.Matches("pencil"));
        Assert.False(parsed.Matches("pencil2"));
        Assert.False(ScramVerifier.TryParse("md5abc", out _));
        Assert.False(ScramVerifier.TryParse("SCRAM-SHA-256$x:y$z", out _));
    }

    [Fact]
    public void Md5_hash_matches_postgres_format()
    {
        // md5("pencil" + "legacy") computed independently.
        var expected = "md5" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("pencillegacy")));
        Assert.Equal(expected, Md5Password.Hash("pencil", "legacy"));
        var salt = new byte[] { 1, 2, 3, 4 };
        var inner = Encoding.ASCII.GetBytes(expected[3..]).Concat(salt).ToArray();
        Assert.True(Md5Password.Verify("md5" + Convert.ToHexStringLower(MD5.HashData(inner)), expected, salt));
        Assert.False(Md5Password.Verify("md5" + new string('0', 32), expected, salt));
    }

    [Fact]
    public void Channel_binding_data_must_match_the_certificate_hash()
    {
        var endPoint = SHA256.HashData(Encoding.UTF8.GetBytes("certificate"));
        const string first = "p=tls-server-end-point,,n=,r=abc";
        var good = new ScramServerExchange(Rfc7677Verifier(), false, "xyz", endPoint);
        good.HandleClientFirst(first);
        Assert.True(good.UsesChannelBinding);
        var c = Convert.ToBase64String([.. Encoding.UTF8.GetBytes("p=tls-server-end-point,,"), .. endPoint]);
        // A correct binding reaches the proof check (this proof is not valid for the nonce, so false, no throw).
        Assert.False(good.HandleClientFinal($"c={c},r=abcxyz,p={Convert.ToBase64String(new byte[32])}", out _));
        var bad = new ScramServerExchange(Rfc7677Verifier(), false, "xyz", endPoint);
        bad.HandleClientFirst(first);
        var wrong = Convert.ToBase64String(Encoding.UTF8.GetBytes("p=tls-server-end-point,,"));
        Assert.Equal("08P01", Assert.Throws<PgErrorException>(() => bad.HandleClientFinal($"c={wrong},r=abcxyz,p={Convert.ToBase64String(new byte[32])}", out _)).SqlState);
        // 'y' while the server offers binding means the offer was stripped on the way: refused.
        Assert.Equal("08P01", Assert.Throws<PgErrorException>(() => new ScramServerExchange(Rfc7677Verifier(), false, "xyz", endPoint).HandleClientFirst("y,,n=,r=abc")).SqlState);
    }
}
