namespace Vnd.Engine.Sessions;

/// <summary>
/// Who a wire session belongs to. A tenant's session sees its own schema (<see cref="Tenant"/>) and nothing else;
/// the admin role (<see cref="Tenant"/> null) sees every tenant's schema.
/// </summary>
public sealed record SessionIdentity(string User, string Database, bool IsAdmin, string? Tenant, int ProcessId = 0);
