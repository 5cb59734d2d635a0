using System.Diagnostics;

namespace Vnd.Bench.Ingest;

/// <summary>Runs <c>tshark -T fields</c> over a capture for the standard field set and times it end to end.</summary>
public static class TsharkRunner
{
    private static readonly string[] Fields =
    [
        "frame.time_epoch", "ip.src", "ip.dst", "ip.proto", "tcp.srcport", "tcp.dstport", "ip.id",
        "tcp.seq_raw", "tcp.ack_raw", "tcp.flags", "tcp.len",
    ];

    /// <summary>Returns the number of lines tshark printed and the elapsed wall time.</summary>
    public static (long Lines, TimeSpan Elapsed) Run(string pcap)
    {
        var psi = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-n", "-r", pcap, "-T", "fields" })
            psi.ArgumentList.Add(a);
        foreach (var f in Fields)
        {
            psi.ArgumentList.Add("-e");
            psi.ArgumentList.Add(f);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start tshark");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        long lines = 0;
        var buffer = new char[1 << 16];
        int read;
        while ((read = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            lines += buffer.AsSpan(0, read).Count('\n');
        process.WaitForExit();
        return (lines, clock.Elapsed);
    }
}
