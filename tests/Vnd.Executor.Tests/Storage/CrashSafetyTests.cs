using System.Diagnostics;
using Apache.Arrow;
using Vnd.Executor.Storage;
using Vnd.Executor.Tests.CrashWriter;
using Xunit.Abstractions;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// Kills a process that is importing rows (SIGKILL, at seeded random moments) and checks what survives:
/// every segment the manifest names is complete with exactly its rows, no temp file counts as a segment,
/// the visible rows are a prefix of what was written, and committed rows are never lost by later crashes.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Iterations = 20;
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Killing_the_writer_at_random_points_never_exposes_a_partial_segment()
    {
        var random = new Random(20261125);
        long committed = 0;
        var iterationsWithDebris = 0;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            RunAndKill(TimeSpan.FromMilliseconds(random.Next(100, 900)));

            var tableDirectory = Path.Combine(_dir.Path, "tables", CrashTable.Ref.Schema, CrashTable.Ref.Table);
            if (HasDebris(tableDirectory))
                iterationsWithDebris++;
            var store = new TraceTableStore(_dir.Path);
            if (!store.TableExists(CrashTable.Ref))
            {
                Assert.Equal(0, committed); // killed before its first segment: nothing may have been visible
                output.WriteLine($"iteration {iteration}: no segment sealed yet");
                continue;
            }
            var table = store.OpenTable(CrashTable.Ref);
            Assert.False(HasDebris(tableDirectory), "recovery left files the manifest does not name");
            var rows = CheckPrefix(table);
            Assert.True(rows >= committed, $"iteration {iteration}: {rows} rows visible, {committed} were committed before");
            committed = rows;
            output.WriteLine($"iteration {iteration}: {rows} rows in {table.Segments.Count} segments");
        }
        Assert.True(committed > 0, "the writer never committed a segment");
        Assert.True(iterationsWithDebris >= Iterations / 2, $"only {iterationsWithDebris} kills left debris; the kills did not hit writes");
    }

    private void RunAndKill(TimeSpan after)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Vnd.Executor.Tests.CrashWriter.dll"));
        start.ArgumentList.Add(_dir.Path);
        using var child = Process.Start(start)!;
        // Wait until it is writing, then a random time more, so kills land inside batches, seals and manifest swaps.
        // ReadLine runs on the pool: blocking on an async read here could deadlock on xunit's context.
        var ready = Task.Run(child.StandardOutput.ReadLine);
        var started = ready.Wait(TimeSpan.FromSeconds(60)) && ready.Result is not null;
        if (started)
            Thread.Sleep(after);
        var exitedByItself = child.HasExited;
        child.Kill(); // SIGKILL on Unix: no finally blocks, no flushes
        child.WaitForExit();
        if (!started || exitedByItself)
            Assert.Fail("crash writer did not keep running: " + child.StandardError.ReadToEnd());
    }

    /// <summary>Files in the table directory other than the manifest, the lock and the segments it names.</summary>
    private static bool HasDebris(string tableDirectory)
    {
        if (!Directory.Exists(tableDirectory))
            return false;
        var manifestPath = Path.Combine(tableDirectory, "manifest.json");
        var named = new HashSet<string> { "manifest.json", ".lock" };
        if (File.Exists(manifestPath))
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            foreach (var segment in json.RootElement.GetProperty("segments").EnumerateArray())
                named.Add(segment.GetProperty("file").GetString()!);
        }
        return Directory.EnumerateFiles(tableDirectory).Any(f => !named.Contains(Path.GetFileName(f)));
    }

    /// <summary>Reads every visible row; each must be the row the writer produced at that position.</summary>
    private static long CheckPrefix(TraceTable table)
    {
        long row = 0;
        var reader = new TraceTableReader(table);
        foreach (var segment in table.Segments)
        {
            Assert.EndsWith(".arrow", segment.File);
            long segmentRows = 0;
            using var segmentReader = reader.OpenSegment(segment);
            while (segmentReader.ReadNext() is { } batch)
            {
                using (batch)
                {
                    var id = batch.Column(0);
                    var note = (StringArray)batch.Column(3);
                    for (var i = 0; i < batch.Length; i++, row++)
                    {
                        Assert.Equal(row, StoredIntegerType.Value(id, i));
                        // Timestamps and addresses may be stored as offsets from a base (StoredIntegerType).
                        Assert.Equal(CrashTable.Timestamp(row), StoredIntegerType.Value(batch, 1, i));
                        Assert.Equal((long)CrashTable.Source(row), StoredIntegerType.Value(batch, 2, i));
                        Assert.Equal(CrashTable.NoteIsNull(row) ? null : CrashTable.Note(row), note.GetString(i));
                    }
                    segmentRows += batch.Length;
                }
            }
            Assert.Equal(segment.Rows, segmentRows);
            Assert.Equal(row - segmentRows, segment.Columns[0].MinInteger);
            Assert.Equal(row - 1, segment.Columns[0].MaxInteger);
        }
        Assert.Equal(table.RowCount, row);
        return row;
    }
}
