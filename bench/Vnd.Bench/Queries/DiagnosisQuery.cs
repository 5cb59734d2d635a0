namespace Vnd.Bench.Queries;

/// <summary>
/// One diagnosis query in each engine's dialect. The texts differ only where the dialects do: DuckDB holds
/// addresses as integers and spells the epoch <c>epoch(ts)</c>; VND takes the paper's <c>ceil(ts)</c>.
/// <paramref name="Tables"/> is how many trace tables it reads (for rows/s).
/// </summary>
public sealed record DiagnosisQuery(string Name, int Tables, string Vnd, string DuckDb, string Postgres)
{
    public string Text(string engine) => engine switch
    {
        "VND" => Vnd,
        "DuckDB" => DuckDb,
        _ => Postgres,
    };
}
