namespace Vnd.Executor.Storage;

/// <summary>
/// Where a trace table lives: the tenant's schema and the table's name. Both become directory names
/// (<c>tables/&lt;schema&gt;/&lt;table&gt;</c>), so <see cref="Validate"/> rejects anything that could escape
/// or hide in the data directory.
/// </summary>
public sealed record TableRef(string Schema, string Table)
{
    public override string ToString() => Schema + "." + Table;

    /// <summary>Throws <see cref="StorageErrorKind.InvalidName"/> unless both parts are safe directory names.</summary>
    public void Validate()
    {
        CheckPart(Schema, "schema");
        CheckPart(Table, "table");
    }

    /// <summary>Throws <see cref="StorageErrorKind.InvalidName"/> unless <paramref name="name"/> is a safe directory name.</summary>
    public static void CheckPart(string? name, string what)
    {
        if (string.IsNullOrEmpty(name))
            throw new StorageException(StorageErrorKind.InvalidName, $"{what} name is empty");
        if (name.Length > 200)
            throw new StorageException(StorageErrorKind.InvalidName, $"{what} name \"{name[..20]}...\" is longer than 200 characters");
        // A leading dot would collide with our hidden entries (lock files, dropped tables).
        if (name[0] == '.')
            throw new StorageException(StorageErrorKind.InvalidName, $"{what} name \"{name}\" must not start with '.'");
        foreach (var c in name)
        {
            if (c is '/' or '\\' or ':' || char.IsControl(c))
                throw new StorageException(StorageErrorKind.InvalidName, $"{what} name \"{name}\" contains a path or control character");
        }
    }
}
