using System.Text.Json;

namespace Vnd.Executor.Storage.Manifest;

/// <summary>Reads and atomically replaces a table's <c>manifest.json</c>.</summary>
internal static class ManifestFile
{
    /// <summary>The manifest of the table in <paramref name="tableDirectory"/>, or null when it has none.</summary>
    public static TableManifest? TryLoad(string tableDirectory)
    {
        var path = Path.Combine(tableDirectory, TableDirectory.ManifestName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        try
        {
            var manifest = JsonSerializer.Deserialize(bytes, ManifestJsonContext.Default.TableManifest)
                ?? throw new JsonException("manifest is null");
            if (manifest.Format != TableManifest.CurrentFormat)
                throw new StorageException(StorageErrorKind.NotSupported,
                    $"{path}: manifest format {manifest.Format} is not supported (expected {TableManifest.CurrentFormat})");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new StorageException(StorageErrorKind.Corrupt, $"{path}: manifest is not valid: {e.Message}", e);
        }
    }

    public static void Save(string tableDirectory, TableManifest manifest)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.TableManifest);
        DurableFile.WriteAllBytes(Path.Combine(tableDirectory, TableDirectory.ManifestName), bytes);
    }

    public static TableSchema ToSchema(TableManifest manifest)
    {
        var columns = new List<ColumnSchema>(manifest.Columns.Count);
        foreach (var c in manifest.Columns)
            columns.Add(new ColumnSchema(c.Name, ArrowTypeMapping.FromStorageName(c.Type, c.Unit, c.Family, c.Name)));
        return new TableSchema(columns);
    }

    public static IReadOnlyList<ManifestColumn> FromSchema(TableSchema schema)
    {
        var columns = new ManifestColumn[schema.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var type = schema[i].Type;
            columns[i] = new ManifestColumn(schema[i].Name, ArrowTypeMapping.StorageName(type),
                ArrowTypeMapping.UnitName(type), ArrowTypeMapping.FamilyName(type));
        }
        return columns;
    }
}
