namespace Vnd.Engine.Sessions;

/// <summary>
/// Builds the catalog a new session sees. The server calls it once per session, after authentication; the
/// returned catalog lives as long as the session. This is the seam where catalog emulation is composed in.
/// </summary>
public interface ISessionCatalogFactory
{
    SessionCatalog Open(SessionIdentity identity);
}
