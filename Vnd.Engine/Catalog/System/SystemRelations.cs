namespace Vnd.Engine.Catalog.System;

/// <summary>All built-in relations, keyed by (schema, name); built once and shared (they hold no session state).</summary>
public sealed class SystemRelations
{
    private readonly Dictionary<(string, string), SystemRelation> _byName = [];

    public SystemRelations()
    {
        var all = new List<SystemRelation>();
        all.AddRange(PgCatalogRelations.All());
        all.AddRange(PgSessionRelations.All());
        all.AddRange(PgEmptyRelations.All());
        all.AddRange(InformationSchemaRelations.All());
        foreach (var relation in all)
            _byName.Add((relation.Schema, relation.Name), relation);
        All = all;
    }

    public IReadOnlyList<SystemRelation> All { get; }

    public SystemRelation? Find(string schema, string name) => _byName.GetValueOrDefault((schema, name));
}
