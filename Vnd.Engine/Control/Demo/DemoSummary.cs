namespace Vnd.Engine.Control.Demo;

/// <summary>What seeding left in the data directory: every demo table with its rows.</summary>
/// <param name="AlreadySeeded">True when everything was already there and nothing was written.</param>
public sealed record DemoSummary(bool AlreadySeeded, IReadOnlyList<DemoTable> Tables, TimeSpan Elapsed);

/// <summary>One demo trace table: the tenant's diagnosis and capture point filling it (null: an offline import).</summary>
public sealed record DemoTable(string Tenant, string? Diagnosis, string? CapturePoint, string Table, long Rows);
