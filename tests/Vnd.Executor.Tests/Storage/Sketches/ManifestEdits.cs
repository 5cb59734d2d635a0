using System.Text.Json.Nodes;

namespace Vnd.Executor.Tests.Storage.Sketches;

/// <summary>Rewrites a table's manifest the way older storage versions (or damage) would have left it.</summary>
internal static class ManifestEdits
{
    /// <summary>The manifest as written before sketches existed: no <c>distinctSketches</c> (nor per-segment <c>distinctSketch</c>).</summary>
    public static void StripSketches(string tableDirectory)
    {
        EditColumns(tableDirectory, column => column.Remove("distinctSketch"));
        EditRoot(tableDirectory, manifest => manifest.Remove("distinctSketches"));
    }

    /// <summary>Replaces the table's sketch of column <paramref name="column"/> by <paramref name="bytes"/>.</summary>
    public static void SetTableSketch(string tableDirectory, int column, byte[] bytes) =>
        EditRoot(tableDirectory, manifest => manifest["distinctSketches"]![column] = Convert.ToBase64String(bytes));

    public static void EditRoot(string tableDirectory, Action<JsonObject> edit)
    {
        var path = Path.Combine(tableDirectory, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    public static void EditColumns(string tableDirectory, Action<JsonObject> edit)
    {
        var path = Path.Combine(tableDirectory, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var segment in manifest["segments"]!.AsArray())
        {
            foreach (var column in segment!["columns"]!.AsArray())
                edit(column!.AsObject());
        }
        File.WriteAllText(path, manifest.ToJsonString());
    }
}
