using Vnd.Capture.Fields;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Planner.Types;

namespace Vnd.Capture.Import;

/// <summary>Lets parse-configuration validation see the field catalog (names, aliases, SQL types) and protocol names.</summary>
public sealed class CatalogFieldResolver(FieldCatalog catalog) : IFieldResolver
{
    public bool TryResolve(string name, out SqlType type, out string canonicalName)
    {
        if (catalog.TryResolve(name, out var field))
        {
            type = field.Type;
            canonicalName = field.Name;
            return true;
        }
        canonicalName = name.ToLowerInvariant();
        if (ProtocolPresence.TryGetMarker(name, out _))
        {
            type = SqlType.Bool;
            return true;
        }
        type = SqlType.Unknown;
        return false;
    }
}
