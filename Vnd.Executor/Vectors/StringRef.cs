namespace Vnd.Executor.Vectors;

/// <summary>
/// Where one text/bytea value lives in its vector's byte heap. Text is kept as UTF-8 bytes, not .NET strings:
/// storage segments hold UTF-8 already (Arrow), comparisons are byte-wise (C collation, as the paper's queries
/// need), hashing works on spans, and nothing is allocated per row.
/// </summary>
public readonly record struct StringRef(int Offset, int Length);
