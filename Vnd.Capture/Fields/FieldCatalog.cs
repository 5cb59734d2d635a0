using System.Collections.Frozen;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>
/// Every field a trace table can have, resolvable by name (case-insensitive; aliases map to the canonical
/// descriptor) or id. Layered fields exist three times: as is (outer packet), with <c>inner.</c> (innermost tunnel
/// frame) and with <c>quoted.</c> (the header an ICMP error quotes). Immutable; the importer resolves names once per
/// table and then reads values with <see cref="FieldReader"/>.
/// </summary>
public sealed class FieldCatalog
{
    public const string InnerPrefix = "inner.";
    public const string QuotedPrefix = "quoted.";

    private readonly FrozenDictionary<string, FieldDescriptor> _byName;
    private readonly FrozenDictionary<FieldId, FieldDescriptor> _byId;

    private FieldCatalog(List<FieldDescriptor> fields, Dictionary<string, FieldDescriptor> byName)
    {
        Fields = fields;
        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byId = fields.ToFrozenDictionary(f => f.Id);
    }

    /// <summary>The standard catalog, built once.</summary>
    public static FieldCatalog Default { get; } = Build();

    /// <summary>Canonical descriptors (no aliases), outer fields first.</summary>
    public IReadOnlyList<FieldDescriptor> Fields { get; }

    public bool TryResolve(string name, out FieldDescriptor field)
    {
        if (_byName.TryGetValue(name, out var found))
        {
            field = found;
            return true;
        }
        field = null!;
        return false;
    }

    public bool TryGet(FieldId id, out FieldDescriptor field)
    {
        if (_byId.TryGetValue(id, out var found))
        {
            field = found;
            return true;
        }
        field = null!;
        return false;
    }

    private static FieldCatalog Build()
    {
        var definitions = FieldDefinitions.Build();
        var fields = new List<FieldDescriptor>();
        var byName = new Dictionary<string, FieldDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in (ReadOnlySpan<LayerRole>)[LayerRole.Outer, LayerRole.Inner, LayerRole.Quoted])
        {
            foreach (var d in definitions)
            {
                if (!HasLayer(d.Layers, layer))
                    continue;
                var descriptor = new FieldDescriptor(FieldIds.WithLayer(d.Id, layer), Prefix(layer) + d.Name, d.Type, d.Kind, d.Description);
                fields.Add(descriptor);
                byName.Add(descriptor.Name, descriptor);
            }
            foreach (var (alias, id) in FieldDefinitions.Aliases())
            {
                // An alias of a whole-packet field (timestamp) has no inner. or quoted. form.
                if (byName.TryGetValue(Prefix(layer) + definitions.First(d => d.Id == id).Name, out var target))
                    byName.Add(Prefix(layer) + alias, target);
            }
        }
        return new FieldCatalog(fields, byName);
    }

    private static bool HasLayer(FieldLayers layers, LayerRole layer) => layer switch
    {
        LayerRole.Inner => (layers & FieldLayers.Inner) != 0,
        LayerRole.Quoted => (layers & FieldLayers.Quoted) != 0,
        _ => true,
    };

    private static string Prefix(LayerRole layer) => layer switch
    {
        LayerRole.Inner => InnerPrefix,
        LayerRole.Quoted => QuotedPrefix,
        _ => "",
    };
}
