using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>Kernels over text/bytea vectors: values are spans into each vector's heap, so nothing allocates.</summary>
public static class BytesKernels
{
    public static void Compare<TTest>(Vector left, Vector right, Vector result, ReadOnlySpan<int> rows)
        where TTest : IOrderTest
    {
        if (left.IsConstant && right.IsConstant)
        {
            result.ResetConstant();
            if (left.IsNull(0) || right.IsNull(0))
                result.SetNull(0);
            else
                result.Data<byte>()[0] = TTest.Test(left.GetBytes(0).SequenceCompareTo(right.GetBytes(0))) ? (byte)1 : (byte)0;
            return;
        }
        result.ResetFlat();
        var o = result.Data<byte>();
        var lr = left.Data<StringRef>();
        var rr = right.Data<StringRef>();
        var ls = left.IsConstant ? 0 : 1;
        var rs = right.IsConstant ? 0 : 1;
        var lv = left.Validity;
        var rv = right.Validity;
        foreach (var i in rows)
        {
            if (!lv.IsValid(i * ls) || !rv.IsValid(i * rs))
            {
                result.SetNull(i);
                continue;
            }
            var a = left.Bytes(lr[i * ls]);
            var b = right.Bytes(rr[i * rs]);
            o[i] = TTest.Test(a.SequenceCompareTo(b)) ? (byte)1 : (byte)0;
        }
    }
}
