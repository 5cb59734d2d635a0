namespace Vnd.Engine.TableServer.Registration;

/// <summary>A table server as the registry last heard of it: where it serves, and how long ago its last heartbeat came.</summary>
public sealed record RegisteredTableServer(Uri Endpoint, TimeSpan Silence, bool Alive);
