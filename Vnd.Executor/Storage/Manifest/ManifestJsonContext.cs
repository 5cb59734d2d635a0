using System.Text.Json.Serialization;

namespace Vnd.Executor.Storage.Manifest;

/// <summary>
/// Source-generated JSON for manifests: no reflection at run time (trimming/AOT safe) and fast. JSON
/// rather than Arrow metadata because the manifest is rewritten on every sealed segment and read on
/// every table open, and must be checkable by a person (jq) when something goes wrong. Compact, because it is rewritten
/// whole for every sealed segment.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TableManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext
{
}
