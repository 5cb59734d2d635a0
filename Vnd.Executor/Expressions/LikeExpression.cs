using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>x [NOT] [I]LIKE pattern. A literal pattern is compiled once; a computed one per row.</summary>
public sealed class LikeExpression : Expression
{
    private readonly LikePattern? _compiled;

    public LikeExpression(Expression value, Expression pattern, bool caseInsensitive, bool negated)
        : base(SqlType.Bool)
    {
        Value = value;
        Pattern = pattern;
        CaseInsensitive = caseInsensitive;
        Negated = negated;
        if (pattern is ConstantExpression { Value: string text })
            _compiled = new LikePattern(text, caseInsensitive);
    }

    public Expression Value { get; }

    public Expression Pattern { get; }

    public bool CaseInsensitive { get; }

    public bool Negated { get; }

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var value = Value.EvaluateToVector(input, scratch);
        var pattern = Pattern.EvaluateToVector(input, scratch);
        result.ResetFlat();
        var o = result.Data<byte>();
        var folded = CaseInsensitive ? new byte[256] : [];
        foreach (var i in input.Rows)
        {
            if (value.IsNull(i) || pattern.IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            var matcher = _compiled ?? new LikePattern(System.Text.Encoding.UTF8.GetString(pattern.GetBytes(i)), CaseInsensitive);
            var bytes = value.GetBytes(i);
            if (CaseInsensitive)
            {
                if (bytes.Length > folded.Length)
                    folded = new byte[bytes.Length];
                bytes = TextKernels.FoldAscii(bytes, folded, toUpper: false);
            }
            o[i] = matcher.Matches(bytes) != Negated ? (byte)1 : (byte)0;
        }
        scratch.Release(pattern);
        scratch.Release(value);
    }

    public override string ToString() => $"({Value} {(Negated ? "NOT " : "")}{(CaseInsensitive ? "ILIKE" : "LIKE")} {Pattern})";
}
