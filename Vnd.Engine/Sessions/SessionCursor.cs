namespace Vnd.Engine.Sessions;

/// <summary>A DECLAREd cursor: the open query FETCH pulls from (forward only), alive until CLOSE or the end of its block.</summary>
public sealed class SessionCursor(string name, OpenQuery query, ResultShape shape, bool withHold) : IDisposable
{
    public string Name { get; } = name;

    public OpenQuery Query { get; } = query;

    public ResultShape Shape { get; } = shape;

    /// <summary>WITH HOLD: survives COMMIT.</summary>
    public bool WithHold { get; } = withHold;

    public void Dispose() => Query.Dispose();
}
