using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>An operation on two values, resolved statically so the JIT inlines it into the kernel loop.</summary>
public interface IBinaryOp<TLeft, TRight, TResult>
{
    static abstract TResult Apply(TLeft left, TRight right);
}

/// <summary>An operation on one value.</summary>
public interface IUnaryOp<TIn, TResult>
{
    static abstract TResult Apply(TIn value);
}

/// <summary>A vectorised kernel: computes <c>rows</c> of the result from argument vectors.</summary>
public delegate void BinaryKernel(Vector left, Vector right, Vector result, ReadOnlySpan<int> rows);

/// <summary>A vectorised one-argument kernel.</summary>
public delegate void UnaryKernel(Vector input, Vector result, ReadOnlySpan<int> rows);

/// <summary>
/// The generic loops every NULL-propagating scalar operation runs through. Constant inputs are read with a zero
/// stride, two constants give a constant result, and rows with a NULL input are skipped (so an operation that
/// can raise an error never sees the garbage behind a NULL).
/// </summary>
public static class Kernels
{
    public static void Binary<TL, TR, TRes, TOp>(Vector left, Vector right, Vector result, ReadOnlySpan<int> rows)
        where TL : unmanaged
        where TR : unmanaged
        where TRes : unmanaged
        where TOp : IBinaryOp<TL, TR, TRes>
    {
        if (left.IsConstant && right.IsConstant)
        {
            result.ResetConstant();
            if (left.IsNull(0) || right.IsNull(0))
                result.SetNull(0);
            else
                result.Data<TRes>()[0] = TOp.Apply(left.Get<TL>(0), right.Get<TR>(0));
            return;
        }
        result.ResetFlat();
        var l = left.Data<TL>();
        var r = right.Data<TR>();
        var o = result.Data<TRes>();
        var ls = left.IsConstant ? 0 : 1;
        var rs = right.IsConstant ? 0 : 1;
        if (left.Validity.AllValid && right.Validity.AllValid)
        {
            if (ls == 1 && rs == 1)
            {
                foreach (var i in rows)
                    o[i] = TOp.Apply(l[i], r[i]);
            }
            else
            {
                foreach (var i in rows)
                    o[i] = TOp.Apply(l[i * ls], r[i * rs]);
            }
            return;
        }
        var lv = left.Validity;
        var rv = right.Validity;
        foreach (var i in rows)
        {
            if (lv.IsValid(i * ls) && rv.IsValid(i * rs))
                o[i] = TOp.Apply(l[i * ls], r[i * rs]);
            else
                result.SetNull(i);
        }
    }

    public static void Unary<TIn, TRes, TOp>(Vector input, Vector result, ReadOnlySpan<int> rows)
        where TIn : unmanaged
        where TRes : unmanaged
        where TOp : IUnaryOp<TIn, TRes>
    {
        if (input.IsConstant)
        {
            result.ResetConstant();
            if (input.IsNull(0))
                result.SetNull(0);
            else
                result.Data<TRes>()[0] = TOp.Apply(input.Get<TIn>(0));
            return;
        }
        result.ResetFlat();
        var s = input.Data<TIn>();
        var o = result.Data<TRes>();
        var v = input.Validity;
        if (v.AllValid)
        {
            foreach (var i in rows)
                o[i] = TOp.Apply(s[i]);
            return;
        }
        foreach (var i in rows)
        {
            if (v.IsValid(i))
                o[i] = TOp.Apply(s[i]);
            else
                result.SetNull(i);
        }
    }

    /// <summary>Marks every live row NULL (a NULL literal argument).</summary>
    public static void AllNull(Vector result)
    {
        result.ResetConstant();
        result.SetNull(0);
    }
}
