using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// CASE WHEN c1 THEN v1 ... [ELSE e] END. Each condition is evaluated only on the rows no earlier branch took,
/// and each result only on the rows its branch took (so a guarded division by zero does not fire), by narrowing
/// the selection instead of copying columns.
/// </summary>
public sealed class CaseExpression : Expression
{
    public CaseExpression(IReadOnlyList<(Expression When, Expression Then)> branches, Expression? otherwise, SqlType type)
        : base(type)
    {
        if (branches.Count == 0)
            throw new ArgumentException("CASE needs a WHEN branch", nameof(branches));
        Branches = branches;
        Else = otherwise;
    }

    public IReadOnlyList<(Expression When, Expression Then)> Branches { get; }

    public Expression? Else { get; }

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        result.ResetFlat();
        var remaining = scratch.RentRows(input, out var count);
        var taken = scratch.RentSelection();
        foreach (var (when, then) in Branches)
        {
            if (count == 0)
                break;
            var view = scratch.RentView(input, remaining, count);
            var condition = when.EvaluateToVector(view, scratch);
            var stride = condition.IsConstant ? 0 : 1;
            var values = condition.Data<byte>();
            int kept = 0, matched = 0;
            for (var k = 0; k < count; k++)
            {
                var row = remaining[k];
                if (condition.Validity.IsValid(row * stride) && values[row * stride] != 0)
                    taken[matched++] = row;
                else
                    remaining[kept++] = row;
            }
            scratch.Release(condition);
            scratch.ReleaseView(view);
            count = kept;
            if (matched > 0)
                Fill(then, input, taken, matched, result, scratch);
        }
        if (count > 0)
        {
            if (Else is null)
            {
                for (var k = 0; k < count; k++)
                    result.SetNull(remaining[k]);
            }
            else
            {
                Fill(Else, input, remaining, count, result, scratch);
            }
        }
        scratch.ReleaseSelection(taken);
        scratch.ReleaseSelection(remaining);
    }

    /// <summary>Evaluates <paramref name="value"/> on rows[0..count) and copies it into those result rows.</summary>
    internal static void Fill(Expression value, Batch input, int[] rows, int count, Vector result, EvaluationScratch scratch)
    {
        var view = scratch.RentView(input, rows, count);
        var values = value.EvaluateToVector(view, scratch);
        VectorCopy.Scatter(values, rows.AsSpan(0, count), result);
        scratch.Release(values);
        scratch.ReleaseView(view);
    }

    public override string ToString() =>
        "CASE " + string.Join(" ", Branches.Select(b => $"WHEN {b.When} THEN {b.Then}")) + (Else is null ? "" : $" ELSE {Else}") + " END";
}
