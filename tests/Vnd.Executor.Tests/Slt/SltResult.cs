namespace Vnd.Executor.Tests.Slt;

/// <summary>What an engine answered: rows of PostgreSQL text values (null = NULL), or an error's SQLSTATE.</summary>
public sealed record SltResult(IReadOnlyList<string?[]>? Rows, string? ErrorState, string? ErrorMessage)
{
    public static SltResult Error(string state, string message) => new(null, state, message);

    /// <summary>Rows in the .slt text form: values joined by '|', NULL and (empty) spelled out.</summary>
    public List<string> Lines() => Rows!.Select(r => string.Join("|", r.Select(Cell))).ToList();

    public static string Cell(string? value) => value switch
    {
        null => "NULL",
        "" => "(empty)",
        _ => value,
    };
}
