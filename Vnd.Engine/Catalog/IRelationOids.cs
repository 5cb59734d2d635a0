namespace Vnd.Engine.Catalog;

/// <summary>
/// The pg_class OID of a relation the session sees, for RowDescription's table OID: the same number the session's
/// pg_class lists, so a driver that looks the column up there (Npgsql KeyInfo, JDBC metadata) finds it.
/// </summary>
public interface IRelationOids
{
    int? RelationOid(string schema, string table);
}
