namespace Vnd.Executor.Storage.Manifest;

/// <summary>
/// A column as the manifest records it: storage type name (see <see cref="ArrowTypeMapping"/>), plus the
/// timestamp unit ("us"/"ns") and inet family ("6") where they apply.
/// </summary>
public sealed record ManifestColumn(string Name, string Type, string? Unit = null, string? Family = null);
