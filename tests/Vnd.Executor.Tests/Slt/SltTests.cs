namespace Vnd.Executor.Tests.Slt;

/// <summary>Runs every .slt file of tests/slt against VND (expected answers are PostgreSQL 15's).</summary>
public sealed class SltTests
{
    private static readonly Lazy<VndEngine> Engine = new(() => new VndEngine(SltCorpus.SetupSql));

    public static TheoryData<string> Files() => new(SltCorpus.Files.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void File_matches_postgres(string file)
    {
        var records = SltParser.Parse(Path.Combine(SltCorpus.Directory, file));
        Assert.NotEmpty(records);
        var failures = SltRunner.Check(records, Engine.Value.Run);
        Assert.True(failures.Count == 0, $"{failures.Count} of {records.Count} records fail:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Corpus_has_at_least_400_records_and_few_skips()
    {
        var records = SltCorpus.AllRecords();
        Assert.True(records.Count >= 400, $"{records.Count} records");
        var skipped = records.Count(r => r.SkipReason is not null);
        Assert.True(skipped * 10 <= records.Count, $"{skipped} of {records.Count} records are skipped for VND");
    }

    [Fact]
    public void Parser_reads_statements_queries_sort_modes_and_skips()
    {
        var records = SltParser.Parse("x.slt",
        [
            "# comment", "statement ok", "SELECT 1", "", "statement error 22012", "SELECT 1/0", "",
            "skipif vnd # not yet", "query IT rowsort", "SELECT 1, 'a'", "UNION ALL SELECT 2, NULL", "----", "1|a", "2|NULL", "",
        ]);
        Assert.Equal(3, records.Count);
        Assert.Equal("22012", records[1].ExpectedError);
        Assert.Equal(SltSort.RowSort, records[2].Sort);
        Assert.Equal("not yet", records[2].SkipReason);
        Assert.Equal(["1|a", "2|NULL"], records[2].Expected);
        Assert.Equal("SELECT 1, 'a'\nUNION ALL SELECT 2, NULL", records[2].Sql);
        Assert.NotNull(SltRunner.Failure(records[2], new SltResult([["1", "b"], ["2", null]], null, null)));
        Assert.Null(SltRunner.Failure(records[2], new SltResult([["2", null], ["1", "a"]], null, null)));
    }
}
