using System.Text;
using Vnd.Wire.Auth;

namespace Vnd.Wire.Tests;

/// <summary>Random SCRAM messages must end in a clean 08P01/0A000 or a failed proof, never another exception.</summary>
public sealed class ScramFuzzTests
{
    [Fact]
    public void Mutated_scram_messages_fail_cleanly()
    {
        var verifier = ScramVerifier.FromPassword("pencil", 1, Convert.FromBase64String("W22ZaJ0SNY7soEsUEjb6gQ=="));
        var random = new Random(1234);
        const string first = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
        const string final = "c=biws,r=rOprNGfwEbeRWgbNEkqOnonce,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
        const string alphabet = "npyrcsi=,+/0123456789abcXYZ\0é";
        for (var i = 0; i < 20_000; i++)
        {
            var exchange = new ScramServerExchange(verifier, false, "nonce");
            try
            {
                exchange.HandleClientFirst(i % 2 == 0 ? Mutate(first, random, alphabet) : first);
                exchange.HandleClientFinal(Mutate(final, random, alphabet), out _);
            }
            catch (Errors.PgErrorException error)
            {
                Assert.Contains(error.SqlState, (string[])["08P01", "0A000"]);
            }
        }
    }

    private static string Mutate(string text, Random random, string alphabet)
    {
        var chars = new StringBuilder(text);
        for (var step = 0; step < 1 + random.Next(3) && chars.Length > 0; step++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(3))
            {
                case 0:
                    chars[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 1:
                    chars.Remove(at, Math.Min(chars.Length - at, 1 + random.Next(8)));
                    break;
                default:
                    chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
            }
        }

        return chars.ToString();
    }
}
