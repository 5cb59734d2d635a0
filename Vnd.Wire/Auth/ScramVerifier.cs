using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vnd.Wire.Auth;

/// <summary>
/// A stored SCRAM-SHA-256 secret in PostgreSQL's pg_authid format
/// <c>SCRAM-SHA-256$&lt;iterations&gt;:&lt;salt&gt;$&lt;StoredKey&gt;:&lt;ServerKey&gt;</c> (base64 fields). The password
/// itself is never kept: StoredKey = H(HMAC(SaltedPassword, "Client Key")), ServerKey = HMAC(SaltedPassword, "Server Key").
/// </summary>
public sealed class ScramVerifier
{
    public const int DefaultIterations = 4096;
    private const string Prefix = "SCRAM-SHA-256$";

    public ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey)
    {
        Iterations = iterations;
        Salt = salt;
        StoredKey = storedKey;
        ServerKey = serverKey;
    }

    public int Iterations { get; }

    public byte[] Salt { get; }

    public byte[] StoredKey { get; }

    public byte[] ServerKey { get; }

    /// <summary>Derives a verifier from a password (random 16-byte salt unless one is given).</summary>
    public static ScramVerifier FromPassword(string password, int iterations = DefaultIterations, byte[]? salt = null)
    {
        salt ??= RandomNumberGenerator.GetBytes(16);
        var salted = SaltedPassword(password, salt, iterations);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        return new ScramVerifier(iterations, salt, SHA256.HashData(clientKey), HMACSHA256.HashData(salted, "Server Key"u8));
    }

    /// <summary>Hi(password, salt, i) of RFC 5802: PBKDF2-HMAC-SHA-256 with a 32-byte output.</summary>
    public static byte[] SaltedPassword(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);

    public static bool TryParse(string text, out ScramVerifier verifier)
    {
        verifier = null!;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[Prefix.Length..].Split('$');
        if (parts.Length != 2)
        {
            return false;
        }

        var head = parts[0].Split(':');
        var keys = parts[1].Split(':');
        if (head.Length != 2 || keys.Length != 2 ||
            !int.TryParse(head[0], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations <= 0)
        {
            return false;
        }

        try
        {
            var stored = Convert.FromBase64String(keys[0]);
            var server = Convert.FromBase64String(keys[1]);
            if (stored.Length != 32 || server.Length != 32)
            {
                return false;
            }

            verifier = new ScramVerifier(iterations, Convert.FromBase64String(head[1]), stored, server);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Checks a cleartext password (used when cleartext authentication is configured).</summary>
    public bool Matches(string password)
    {
        var salted = SaltedPassword(password, Salt, Iterations);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        return CryptographicOperations.FixedTimeEquals(storedKey, StoredKey);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{Iterations}:{Convert.ToBase64String(Salt)}${Convert.ToBase64String(StoredKey)}:{Convert.ToBase64String(ServerKey)}");
}
