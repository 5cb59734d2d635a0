using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// inet/cidr operators and functions: containment (&lt;&lt; &lt;&lt;= &gt;&gt; &gt;&gt;=), host, network, masklen,
/// family, set_masklen. Values of either physical form (IPv4-only uint or general <see cref="InetValue"/>) are read
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
                return new FunctionExpression(name, a[0].Type, [a[0], TypeUnification.To(a[1], SqlType.Int4)], (args, r, rows) => RowKernel.Each(args, r, rows, static (args, r, i) =>
                {
                    var v = Read(args[0], i);
                    var length = args[1].Get<int>(i);
                    if (length < 0 || length > (v.IsV6 ? 128 : 32))
                        throw new ExecutionException(SqlState.InvalidParameterValue, $"invalid mask length: {length}");
                    Write(r, i, v with { Prefix = (byte)length });
                }));
            default:
                return null;
        }
    }

    /// <summary>cidr text always shows the prefix; inet's omits it at full width.</summary>
    public static string WithPrefix(InetValue v) => $"{v.ToAddress()}/{v.Prefix}";

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
