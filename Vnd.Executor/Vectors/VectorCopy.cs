using System.Runtime.CompilerServices;

namespace Vnd.Executor.Vectors;

/// <summary>
/// Typed row copies between vectors: the one primitive behind compaction, join output, sort output and CASE.
/// One switch per call, then a tight loop per layout.
/// </summary>
public static class VectorCopy
{
    /// <summary>dst[dstOffset + k] = src[srcRows[k]] for every k, NULLs included.</summary>
    public static void Gather(Vector src, ReadOnlySpan<int> srcRows, Vector dst, int dstOffset)
    {
        switch (src.PhysicalType)
        {
            case PhysicalType.Bool: Fixed<byte>(src, srcRows, dst, dstOffset); break;
            case PhysicalType.Int16: Fixed<short>(src, srcRows, dst, dstOffset); break;
            case PhysicalType.Int32 or PhysicalType.Inet4: Fixed<int>(src, srcRows, dst, dstOffset); break;
            case PhysicalType.Int64 or PhysicalType.Float64 or PhysicalType.MacAddr: Fixed<long>(src, srcRows, dst, dstOffset); break;
            case PhysicalType.Decimal: Fixed<decimal>(src, srcRows, dst, dstOffset); break;
            case PhysicalType.Interval: Fixed<PgInterval>(src, srcRows, dst, dstOffset); break;
            case PhysicalType.Inet: Fixed<InetValue>(src, srcRows, dst, dstOffset); break;
            case PhysicalType.VarBytes: Bytes(src, srcRows, dst, dstOffset); break;
            default: throw new ArgumentOutOfRangeException(nameof(src));
        }
        CopyValidity(src, srcRows, dst, dstOffset);
    }

    /// <summary>dst[rows[k]] = src[rows[k]]: copies the selected rows in place (CASE/COALESCE branches).</summary>
    public static void Scatter(Vector src, ReadOnlySpan<int> rows, Vector dst)
    {
        switch (src.PhysicalType)
        {
            case PhysicalType.Bool: FixedInPlace<byte>(src, rows, dst); break;
            case PhysicalType.Int16: FixedInPlace<short>(src, rows, dst); break;
            case PhysicalType.Int32 or PhysicalType.Inet4: FixedInPlace<int>(src, rows, dst); break;
            case PhysicalType.Int64 or PhysicalType.Float64 or PhysicalType.MacAddr: FixedInPlace<long>(src, rows, dst); break;
            case PhysicalType.Decimal: FixedInPlace<decimal>(src, rows, dst); break;
            case PhysicalType.Interval: FixedInPlace<PgInterval>(src, rows, dst); break;
            case PhysicalType.Inet: FixedInPlace<InetValue>(src, rows, dst); break;
            case PhysicalType.VarBytes:
                foreach (var r in rows)
                {
                    if (src.IsValid(r))
                        dst.SetBytes(r, src.GetBytes(r));
                }
                break;
            default: throw new ArgumentOutOfRangeException(nameof(src));
        }
        foreach (var r in rows)
            dst.Validity.Set(r, src.IsValid(r));
    }

    /// <summary>dst[dstOffset + k] = src[k] for k &lt; count, NULLs included; <paramref name="src"/> is flat. Fixed-width
    /// values move as one block (a build side's per-worker parts are concatenated this way).</summary>
    public static void CopyPrefix(Vector src, int count, Vector dst, int dstOffset)
    {
        if (src.PhysicalType == PhysicalType.VarBytes)
        {
            for (var k = 0; k < count; k++)
            {
                if (src.IsValid(k))
                    dst.SetBytes(dstOffset + k, src.GetBytes(k));
            }
        }
        else
        {
            var size = PhysicalTypes.SizeOf(src.PhysicalType);
            src.Data<byte>()[..(count * size)].CopyTo(dst.Data<byte>()[(dstOffset * size)..]);
        }
        if (src.Validity.AllValid && dst.Validity.AllValid)
            return;
        for (var k = 0; k < count; k++)
            dst.Validity.Set(dstOffset + k, src.Validity.IsValid(k));
    }

    /// <summary>Marks rows [offset, offset+count) NULL (outer-join padding).</summary>
    public static void SetNulls(Vector dst, int offset, int count)
    {
        for (var i = 0; i < count; i++)
            dst.SetNull(offset + i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fixed<T>(Vector src, ReadOnlySpan<int> rows, Vector dst, int offset) where T : unmanaged
    {
        var s = src.Data<T>();
        var d = dst.Data<T>().Slice(offset, rows.Length);
        if (src.IsConstant)
        {
            d.Fill(s[0]);
            return;
        }
        if (Batch.IsIdentity(rows))
        {
            // A batch without a selection (a scan's dense batch into a gather): one block move instead of an
            // indexed load per value.
            s[..d.Length].CopyTo(d);
            return;
        }
        for (var k = 0; k < d.Length; k++)
            d[k] = s[rows[k]];
    }

    private static void FixedInPlace<T>(Vector src, ReadOnlySpan<int> rows, Vector dst) where T : unmanaged
    {
        var s = src.Data<T>();
        var d = dst.Data<T>();
        var stride = src.IsConstant ? 0 : 1;
        foreach (var r in rows)
            d[r] = s[r * stride];
    }

    private static void Bytes(Vector src, ReadOnlySpan<int> rows, Vector dst, int offset)
    {
        var refs = src.Data<StringRef>();
        var stride = src.IsConstant ? 0 : 1;
        var srcValid = src.Validity;
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k] * stride;
            if (srcValid.IsValid(r))
                dst.SetBytes(offset + k, src.Bytes(refs[r]));
        }
    }

    private static void CopyValidity(Vector src, ReadOnlySpan<int> rows, Vector dst, int offset)
    {
        var v = src.Validity;
        if (v.AllValid)
        {
            if (!dst.Validity.AllValid)
            {
                for (var k = 0; k < rows.Length; k++)
                    dst.Validity.SetValid(offset + k);
            }
            return;
        }
        var stride = src.IsConstant ? 0 : 1;
        for (var k = 0; k < rows.Length; k++)
            dst.Validity.Set(offset + k, v.IsValid(rows[k] * stride));
    }
}
