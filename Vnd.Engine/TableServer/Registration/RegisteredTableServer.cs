namespace Vnd.Engine.TableServer.Registration;

/// <summary>
/// A table server as the registry last heard of it: where it serves, how long ago its last heartbeat came, and the
/// catalog version that heartbeat carried (null from a table server that sends none).
/// </summary>
public sealed record RegisteredTableServer(Uri Endpoint, TimeSpan Silence, bool Alive, string? CatalogVersion = null);
