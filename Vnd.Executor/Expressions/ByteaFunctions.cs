using System.Security.Cryptography;
using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// bytea functions: encode/decode in PostgreSQL's hex, base64 and escape formats, the SHA-2 digests sha224 (our own,
/// <see cref="Sha224"/>), sha256, sha384 and sha512, length/octet_length/bit_length and get_byte. Payload hashes and
/// raw header bytes are bytea in trace tables, and these are what a tenant reaches for to print or compare them.
/// </summary>
internal static class ByteaFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "encode" when a.Count == 2:
                return Row(name, SqlType.Text, [Bytes(a[0]), Text(a[1])], static (args, r, i) =>
                    r.SetBytes(i, ByteaEncoding.Encode(args[0].GetBytes(i), Format(args[1], i))));
            case "decode" when a.Count == 2:
                return Row(name, SqlType.Bytea, [Text(a[0]), Text(a[1])], static (args, r, i) =>
                    r.SetBytes(i, ByteaEncoding.Decode(args[0].GetBytes(i), Format(args[1], i))));
            case "sha224" or "sha256" or "sha384" or "sha512" when a.Count == 1:
                Func<byte[], byte[]> hash = name switch
                {
                    "sha224" => static bytes => Sha224.HashData(bytes),
                    "sha256" => SHA256.HashData,
                    "sha384" => SHA384.HashData,
                    _ => SHA512.HashData,
                };
                return Row(name, SqlType.Bytea, [Bytes(a[0])], (args, r, i) => r.SetBytes(i, hash(args[0].GetBytes(i).ToArray())));
            case "length" or "octet_length" or "bit_length" when a.Count == 1 && a[0].Type.Id == TypeId.Bytea:
                var bits = name == "bit_length" ? 8 : 1;
                return Row(name, SqlType.Int4, [a[0]], (args, r, i) => r.Set(i, args[0].GetBytes(i).Length * bits));
            case "md5" when a.Count == 1 && a[0].Type.Id == TypeId.Bytea:
                return Row(name, SqlType.Text, [a[0]], static (args, r, i) =>
                    r.SetBytes(i, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(MD5.HashData(args[0].GetBytes(i))))));
            case "get_byte" when a.Count == 2 && a[0].Type.Id == TypeId.Bytea:
                return Row(name, SqlType.Int4, [a[0], TypeUnification.To(a[1], SqlType.Int4)], static (args, r, i) =>
                {
                    var bytes = args[0].GetBytes(i);
                    var n = args[1].Get<int>(i);
                    if (n < 0 || n >= bytes.Length)
                        throw new ExecutionException(SqlState.ArraySubscriptError, $"index {n} out of valid range, 0..{bytes.Length - 1}");
                    r.Set(i, (int)bytes[n]);
                });
            default:
                return null;
        }
    }

    private static string Format(Vector v, int row) => Encoding.UTF8.GetString(v.GetBytes(row));

    private static Expression Bytes(Expression e) => TypeUnification.To(e, SqlType.Bytea);

    private static Expression Text(Expression e) => TypeUnification.To(e, SqlType.Text);

    private static Expression Row(string name, SqlType type, Expression[] a, RowBody body) =>
        new FunctionExpression(name, type, a, (args, r, rows) => RowKernel.Each(args, r, rows, body));
}
