namespace Vnd.Planner.Catalog;

public enum FunctionKind
{
    Scalar,
    Aggregate,
    /// <summary>Functions that exist only with OVER: row_number, rank, lag, ….</summary>
    Window,
}
