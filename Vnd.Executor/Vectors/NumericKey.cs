namespace Vnd.Executor.Vectors;

/// <summary>
/// A numeric in the one form every value equal to it shares, for hashing and grouping: numeric equality ignores
/// the scale (1.0 = 1.00) and PostgreSQL's numeric has no negative zero, but .NET decimal keeps both in its bits.
/// </summary>
public static class NumericKey
{
    /// <summary>Dividing by 1 with 28 zero decimals drops trailing zeros (the smallest exact scale); zero loses its sign.</summary>
    public static decimal Canonical(decimal value) => value == 0m ? 0m : value / 1.0000000000000000000000000000m;
}
