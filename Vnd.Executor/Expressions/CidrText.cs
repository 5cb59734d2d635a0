using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// abbrev(cidr) for IPv6, step for step as PostgreSQL's inet_cidr_ntop_ipv6: only the words the prefix reaches
/// (at least two) are printed, the longest run of zero words among them becomes "::", and an IPv4-mapped or
/// -compatible prefix prints its last words as dotted octets. Clients compare this text, so it must match exactly.
/// </summary>
internal static class CidrText
{
    public static string AbbreviatedV6(InetValue network, int bits)
    {
        if (bits == 0)
            return "::/0";
        Span<byte> s = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(s, network.High);
        BinaryPrimitives.WriteUInt64BigEndian(s[8..], network.Low);
        var words = Math.Max(2, (bits + 15) / 16);
        int zeroStart = 0, zeroLength = 0, runStart = 0, runLength = 0;
        for (var i = 0; i < words * 2; i += 2)
        {
            if ((s[i] | s[i + 1]) == 0)
            {
                if (runLength == 0)
                    runStart = i / 2;
                runLength++;
            }
            else if (runLength != 0 && zeroLength < runLength)
            {
                // PostgreSQL resets the run only when it becomes the longest; kept as it is so the text matches.
                (zeroStart, zeroLength, runLength) = (runStart, runLength, 0);
            }
        }
        if (runLength != 0 && zeroLength < runLength)
            (zeroStart, zeroLength) = (runStart, runLength);
        var ipv4 = zeroLength != words && zeroStart == 0
            && (zeroLength == 6 || (zeroLength == 5 && s[10] == 0xff && s[11] == 0xff) || (zeroLength == 7 && s[14] != 0 && s[15] != 1));
        var text = new StringBuilder();
        for (var p = 0; p < words; p++)
        {
            if (zeroLength != 0 && p >= zeroStart && p < zeroStart + zeroLength)
            {
                if (p == zeroStart)
                    text.Append(':');
                if (p == words - 1)
                    text.Append(':');
                continue;
            }
            if (ipv4 && p > 5)
            {
                text.Append(p == 6 ? ':' : '.').Append(s[2 * p].ToString(CultureInfo.InvariantCulture));
                if (p != 7 || bits > 120)
                    text.Append('.').Append(s[(2 * p) + 1].ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                if (text.Length > 0)
                    text.Append(':');
                text.Append(((s[2 * p] * 256) + s[(2 * p) + 1]).ToString("x", CultureInfo.InvariantCulture));
            }
        }
        return text.Append('/').Append(bits.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
