using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// inet/cidr operators and functions: containment (&lt;&lt; &lt;&lt;= &gt;&gt; &gt;&gt;=), overlap (&amp;&amp;), host, text, network, masklen,
/// family, set_masklen, broadcast, hostmask, netmask, abbrev, inet_same_family, inet_merge, and the arithmetic of
/// <see cref="InetArithmetic"/> (inet ± bigint, inet − inet, &amp;, |, ~). Values of either physical
/// form (IPv4-only uint or general <see cref="InetValue"/>) are read
/// as <see cref="InetValue"/>; containment needs the same family, as in PostgreSQL.
/// </summary>
internal static class NetworkFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (a.Count == 0 || a[0].Type.Id is not (TypeId.Inet or TypeId.Cidr))
            return null;
        switch (name)
        {
            case "<<" or "<<=" or ">>" or ">>=" when a.Count == 2 && a[1].Type.Id is TypeId.Inet or TypeId.Cidr:
                var swap = name[0] == '>';
                var orEqual = name.EndsWith('=');
                return Row(name, SqlType.Bool, a, (args, r, i) =>
                {
                    var x = Read(args[swap ? 1 : 0], i);
                    var y = Read(args[swap ? 0 : 1], i);
                    r.Set(i, (byte)(Within(x, y, orEqual) ? 1 : 0));
                });
            case "&&" when a.Count == 2 && a[1].Type.Id is TypeId.Inet or TypeId.Cidr:
                return Row(name, SqlType.Bool, a, static (args, r, i) => r.Set(i, (byte)(Overlap(Read(args[0], i), Read(args[1], i)) ? 1 : 0)));
            case "host" when a.Count == 1:
                return Row(name, SqlType.Text, a, static (args, r, i) => r.SetBytes(i, Encoding.ASCII.GetBytes(Read(args[0], i).ToAddress().ToString())));
            case "text" when a.Count == 1:
                return Row(name, SqlType.Text, a, static (args, r, i) => r.SetBytes(i, Encoding.ASCII.GetBytes(WithPrefix(Read(args[0], i)))));
            case "masklen" when a.Count == 1:
                return Row(name, SqlType.Int4, a, static (args, r, i) => r.Set(i, (int)Read(args[0], i).Prefix));
            case "family" when a.Count == 1:
                return Row(name, SqlType.Int4, a, static (args, r, i) => r.Set(i, Read(args[0], i).IsV6 ? 6 : 4));
            case "network" when a.Count == 1:
                return Row(name, SqlType.Cidr, a, static (args, r, i) => Write(r, i, Read(args[0], i).MaskedTo(Read(args[0], i).Prefix)));
            case "set_masklen" when a.Count == 2:
                // On a cidr (cidr_set_masklen) the host bits past the new prefix are cleared: 192.168.1.0/24 → 192.0.0.0/8.
                var clear = a[0].Type.Id == TypeId.Cidr;
                return new FunctionExpression(name, a[0].Type, [a[0], TypeUnification.To(a[1], SqlType.Int4)], (args, r, rows) => RowKernel.Each(args, r, rows, (args, r, i) =>
                {
                    var v = Read(args[0], i);
                    var length = args[1].Get<int>(i);
                    if (length < -1 || length > Width(v))
                        throw new ExecutionException(SqlState.InvalidParameterValue, $"invalid mask length: {length}");
                    var prefix = (byte)(length == -1 ? Width(v) : length);
                    Write(r, i, clear ? v.MaskedTo(prefix) : v with { Prefix = prefix });
                }));
            case "broadcast" when a.Count == 1:
                return Row(name, SqlType.Inet, a, static (args, r, i) => Write(r, i, Broadcast(Read(args[0], i))));
            case "hostmask" or "netmask" when a.Count == 1:
                var host = name == "hostmask";
                return Row(name, SqlType.Inet, a, (args, r, i) => Write(r, i, Mask(Read(args[0], i), host)));
            case "abbrev" when a.Count == 1:
                var cidr = a[0].Type.Id == TypeId.Cidr;
                return Row(name, SqlType.Text, a, (args, r, i) =>
                    r.SetBytes(i, Encoding.ASCII.GetBytes(cidr ? AbbreviatedCidr(Read(args[0], i)) : Read(args[0], i).ToString())));
            case "inet_same_family" when a.Count == 2 && a[1].Type.Id is TypeId.Inet or TypeId.Cidr:
                return Row(name, SqlType.Bool, a, static (args, r, i) => r.Set(i, (byte)(Read(args[0], i).IsV6 == Read(args[1], i).IsV6 ? 1 : 0)));
            case "+" or "-" when a.Count == 2 && IsInteger(a[1].Type.Id):
                var subtract = name == "-";
                return new FunctionExpression(name, SqlType.Inet, [a[0], TypeUnification.To(a[1], SqlType.Int8)], (args, r, rows) =>
                    RowKernel.Each(args, r, rows, (v, result, i) => Write(result, i, InetArithmetic.Add(Read(v[0], i), v[1].Get<long>(i), subtract))));
            case "-" when a.Count == 2 && a[1].Type.Id is TypeId.Inet or TypeId.Cidr:
                return Row(name, SqlType.Int8, a, static (args, r, i) => r.Set(i, InetArithmetic.Difference(Read(args[0], i), Read(args[1], i))));
            case "&" or "|" when a.Count == 2 && a[1].Type.Id is TypeId.Inet or TypeId.Cidr:
                var and = name == "&";
                return Row(name, SqlType.Inet, a, (args, r, i) => Write(r, i, InetArithmetic.Bitwise(Read(args[0], i), Read(args[1], i), and)));
            case "~" when a.Count == 1:
                return Row(name, SqlType.Inet, a, static (args, r, i) => Write(r, i, InetArithmetic.Not(Read(args[0], i))));
            case "inet_merge" when a.Count == 2 && a[1].Type.Id is TypeId.Inet or TypeId.Cidr:
                return Row(name, SqlType.Cidr, a, static (args, r, i) => Write(r, i, Merge(Read(args[0], i), Read(args[1], i))));
            default:
                return null;
        }
    }

    private static int Width(InetValue v) => v.IsV6 ? 128 : 32;

    private static bool IsInteger(TypeId id) => id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8;

    /// <summary>The address with every host bit set, keeping its prefix.</summary>
    private static InetValue Broadcast(InetValue v)
    {
        var hostBits = Mask(v, host: true);
        return v with { High = v.High | hostBits.High, Low = v.Low | hostBits.Low };
    }

    /// <summary>netmask: the prefix's bits set; hostmask: the others. Either at the family's full width.</summary>
    private static InetValue Mask(InetValue v, bool host)
    {
        var all = v.IsV6 ? new InetValue(ulong.MaxValue, ulong.MaxValue, 128, true) : InetValue.FromV4(uint.MaxValue);
        var network = all.MaskedTo(v.Prefix) with { Prefix = (byte)Width(v) };
        return host ? network with { High = ~network.High & all.High, Low = ~network.Low & all.Low } : network;
    }

    /// <summary>inet_merge: the smallest network holding both (their common leading bits, no longer than either prefix).</summary>
    private static InetValue Merge(InetValue a, InetValue b)
    {
        if (a.IsV6 != b.IsV6)
            throw new ExecutionException(SqlState.InvalidParameterValue, "cannot merge addresses from different families");
        var common = Math.Min(a.Prefix, b.Prefix);
        var shift = a.IsV6 ? 0 : 32;
        var high = a.High ^ b.High;
        var low = a.Low ^ b.Low;
        var differing = a.IsV6
            ? (high != 0 ? System.Numerics.BitOperations.LeadingZeroCount(high) : 64 + System.Numerics.BitOperations.LeadingZeroCount(low))
            : System.Numerics.BitOperations.LeadingZeroCount(low) - shift;
        return a.MaskedTo((byte)Math.Min(common, Math.Min(differing, Width(a))));
    }

    /// <summary>cidr's abbreviated text, PostgreSQL's inet_cidr_ntop: IPv4 octets past the prefix are left out
    /// (10.1.0.0/16 → 10.1/16), IPv6 words likewise (2001:db8::/32 → 2001:db8/32).</summary>
    private static string AbbreviatedCidr(InetValue v)
    {
        if (v.IsV6)
            return CidrText.AbbreviatedV6(v.MaskedTo(v.Prefix), v.Prefix);
        var address = (uint)v.Low;
        var parts = new List<string>();
        for (var octet = 0; octet < v.Prefix / 8; octet++)
            parts.Add(((address >> (24 - (8 * octet))) & 0xFF).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (v.Prefix % 8 != 0)
            parts.Add(((address >> (24 - (8 * (v.Prefix / 8)))) & 0xFF & (0xFFu << (8 - (v.Prefix % 8)))).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (parts.Count == 0 ? "0" : string.Join('.', parts)) + "/" + v.Prefix.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>cidr text always shows the prefix; inet's omits it at full width.</summary>
    public static string WithPrefix(InetValue v) => $"{v.ToAddress()}/{v.Prefix}";

    /// <summary>inet &amp;&amp; inet (network_overlap): same family, and equal over the shorter of the two prefixes.</summary>
    private static bool Overlap(InetValue x, InetValue y)
    {
        var prefix = Math.Min(x.Prefix, y.Prefix);
        return x.IsV6 == y.IsV6 && x.MaskedTo(prefix) == y.MaskedTo(prefix);
    }

    private static bool Within(InetValue inner, InetValue outer, bool orEqual) =>
        inner.IsV6 == outer.IsV6
        && (orEqual ? outer.Prefix <= inner.Prefix : outer.Prefix < inner.Prefix)
        && inner.MaskedTo(outer.Prefix) == outer.MaskedTo(outer.Prefix);

    private static InetValue Read(Vector v, int row) =>
        v.PhysicalType == PhysicalType.Inet4 ? InetValue.FromV4(v.Get<uint>(row)) : v.Get<InetValue>(row);

    private static void Write(Vector v, int row, InetValue value)
    {
        if (v.PhysicalType == PhysicalType.Inet4)
            v.Set(row, (uint)value.Low);
        else
            v.Set(row, value);
    }

    private static Expression Row(string name, SqlType type, IReadOnlyList<Expression> a, RowBody body) =>
        new FunctionExpression(name, type, [.. a], (args, r, rows) => RowKernel.Each(args, r, rows, body));

}
