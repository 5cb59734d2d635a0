namespace Vnd.Engine.Sessions;

/// <summary>The operator's login: sees every tenant's schema. <paramref name="Secret"/> is a SCRAM verifier or a password.</summary>
public sealed record AdminAccount(string Name, string Secret);
