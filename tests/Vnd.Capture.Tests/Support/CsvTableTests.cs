namespace Vnd.Capture.Tests.Support;

/// <summary>The tests' CSV reader: the quoting tshark and the index script use, and refusals of torn files.</summary>
public sealed class CsvTableTests
{
    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_empty_values()
    {
        var table = CsvTable.Parse("\"a\",\"b\",c\r\n\"1,5\",\"say \"\"hi\"\"\",\r\n\r\n\"\",x,y\n");
        Assert.Equal(["a", "b", "c"], table.Columns);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("1,5", table.Get(table.Rows[0], "a"));
        Assert.Equal("say \"hi\"", table.Get(table.Rows[0], "b"));
        Assert.Equal("", table.Get(table.Rows[0], "c"));
        Assert.Equal("", table.Get(table.Rows[1], "a"));
        Assert.Equal("y", table.Get(table.Rows[1], "c"));
        Assert.True(table.Has("b"));
        Assert.False(table.Has("d"));
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_the_last_line_needs_no_newline()
    {
        var table = CsvTable.Parse("k,v\n1,\"two\nlines\"\n2,end");
        Assert.Equal("two\nlines", table.Get(table.Rows[0], "v"));
        Assert.Equal("end", table.Get(table.Rows[1], "v"));
    }

    [Fact]
    public void Torn_or_misread_files_fail_instead_of_reading_as_empty()
    {
        var table = CsvTable.Parse("a,b\n1,2\n");
        Assert.Throws<KeyNotFoundException>(() => table.Get(table.Rows[0], "c"));
        Assert.Throws<InvalidDataException>(() => CsvTable.Parse("a,b\n1\n"));
        Assert.Throws<InvalidDataException>(() => CsvTable.Parse("a,b\n1,2,3\n"));
        Assert.Throws<InvalidDataException>(() => CsvTable.Parse("a,b\n1,\"2\n"));
        Assert.Throws<InvalidDataException>(() => CsvTable.Parse("a,a\n1,2\n"));
        Assert.Throws<InvalidDataException>(() => CsvTable.Parse("\n\n"));
    }

    [Fact]
    public void Every_truth_csv_of_the_index_loads_with_the_tshark_header()
    {
        var loaded = 0;
        foreach (var entry in CaptureIndex.Entries)
        {
            if (entry.Unreadable)
                continue; // tshark refuses these files too: there is no truth to write
            var truth = CsvTable.Load(Vnd.Tests.Shared.SharedData.Truth(entry.Name));
            Assert.Equal("frame.number", truth.Columns[0]);
            Assert.True(truth.Has("frame.interface_id") && truth.Has("dns.qry.name"), entry.File);
            loaded++;
        }
        Assert.True(loaded > 100, $"only {loaded} truth files");
    }
}
