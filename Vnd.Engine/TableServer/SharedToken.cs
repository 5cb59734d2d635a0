namespace Vnd.Engine.TableServer;

/// <summary>
/// The token that control and table servers share; every Flight call between them must present it
/// (<see cref="TokenInterceptor"/>). A service of its own so the table server and the control server's
/// registration endpoint check it the same way.
/// </summary>
public sealed record SharedToken
{
    public SharedToken(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
    }

    public string Value { get; }

    /// <summary>Never the token itself: records print their members.</summary>
    public override string ToString() => "SharedToken(***)";
}
