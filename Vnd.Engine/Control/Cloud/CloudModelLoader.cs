using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// Loads and validates a cloud file (YAML). Every problem is reported with its line and column, all at once, in a
/// <see cref="CloudModelException"/>; a model is returned only when the whole file is valid.
/// </summary>
public static class CloudModelLoader
{
    /// <summary>Loads a cloud file from disk.</summary>
    public static CloudModel LoadFile(string path) => Load(File.ReadAllText(path), path);

    /// <summary>Loads cloud YAML text; <paramref name="source"/> names it in error messages.</summary>
    public static CloudModel Load(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            using var text = new StringReader(yaml);
            stream.Load(text);
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages repeat the position ("(Line: 3, Col: 5, Idx: 20) - ... : "); keep the reason.
            var reason = e.InnerException?.Message ?? e.Message;
            var cut = reason.LastIndexOf("): ", StringComparison.Ordinal);
            throw new CloudModelException(source,
                [new CloudModelError((int)e.Start.Line, (int)e.Start.Column, cut < 0 ? reason : reason[(cut + 3)..])]);
        }
        var reader = new CloudFileReader();
        if (stream.Documents.Count != 1)
            throw new CloudModelException(source, [new CloudModelError(1, 1, "a cloud file must hold exactly one YAML document")]);
        var root = reader.Mapping(stream.Documents[0].RootNode, "the cloud file");
        if (root is null)
            throw new CloudModelException(source, reader.Errors);
        reader.OnlyKeys(root, "the cloud file", "hypervisors", "tenants");
        var registry = new PlacementRegistry(reader);
        var (hypervisors, declared) = HypervisorSection.Read(reader, registry, root);
        var tenants = TenantSection.Read(reader, registry, root, declared);
        if (reader.Errors.Count > 0)
            throw new CloudModelException(source, reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray());
        return new CloudModel(hypervisors.ToArray(), tenants.ToArray());
    }
}
