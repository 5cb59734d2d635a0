namespace Vnd.Planner.Catalog;

/// <summary>How a signature's result type follows from its arguments (PostgreSQL's polymorphic anyelement rules).</summary>
public enum ReturnTypeRule
{
    /// <summary><see cref="FunctionSignature.ReturnType"/> as declared.</summary>
    Fixed,
    /// <summary>The resolved type of the polymorphic (anyelement) arguments: min, max, coalesce, lag.</summary>
    SameAsPolymorphic,
    /// <summary>An array of the polymorphic argument type: array_agg.</summary>
    ArrayOfPolymorphic,
}
