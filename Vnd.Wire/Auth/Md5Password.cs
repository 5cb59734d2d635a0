using System.Security.Cryptography;
using System.Text;

namespace Vnd.Wire.Auth;

/// <summary>PostgreSQL's legacy md5 scheme: stored "md5" + md5(password + user); the client answers
/// "md5" + md5(hex(stored) + 4-byte salt).</summary>
public static class Md5Password
{
    public static string Hash(string password, string user) =>
        "md5" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(password + user)));

    public static bool Verify(string response, string storedHash, ReadOnlySpan<byte> salt)
    {
        if (!storedHash.StartsWith("md5", StringComparison.Ordinal) || storedHash.Length != 35)
        {
            return false;
        }

        var input = new byte[32 + salt.Length];
        Encoding.ASCII.GetBytes(storedHash.AsSpan(3), input);
        salt.CopyTo(input.AsSpan(32));
        var expected = Encoding.ASCII.GetBytes("md5" + Convert.ToHexStringLower(MD5.HashData(input)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(response));
    }
}
