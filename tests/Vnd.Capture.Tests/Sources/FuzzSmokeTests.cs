using System.Diagnostics;
using Vnd.Capture.Sources;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Sources;

/// <summary>
/// Mutated copies of good captures (fixed seeds, so a failure reproduces): reading never throws after open,
/// never hangs and never allocates in proportion to a corrupted length field.
/// </summary>
public sealed class FuzzSmokeTests
{
    private static readonly string[] Seeds =
    [
        "tcp/gopacket_test_ethernet.pcap",
        "linktypes/zeek_smb_dssetup_be.cap",
        "linktypes/tcpdump_tcp-handshake-nano.pcap",
        "pcapng/zeek_pcapng-multi-interface.pcapng",
        "pcapng_suite/hadrielk_le_test202.pcapng",
        "pcapng_suite/hadrielk_be_test102.pcapng",
        "pcapng_suite/hadrielk_le_test008.pcapng",
        "pcapng_suite/hadrielk_be_test100.pcapng",
    ];

    [Fact]
    public void Two_thousand_mutants_read_without_exception_or_hang()
    {
        var random = new Random(20261125);
        var originals = Array.ConvertAll(Seeds, f => File.ReadAllBytes(SharedData.Pcap(f)));
        var options = new CaptureReaderOptions { BufferSize = 64 * 1024, MaxRecordSize = 64 * 1024 };
        var clock = Stopwatch.StartNew();
        var refused = 0;
        var packets = 0L;
        for (var i = 0; i < 2000; i++)
        {
            var mutant = Mutate(originals[i % originals.Length], random);
            IRecordSource source;
            try
            {
                source = CaptureFile.Open(new MemoryStream(mutant), options);
            }
            catch (CaptureFormatException)
            {
                refused++;
                continue;
            }
            using (source)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var records = 0;
                while (source.TryReadNext(out var record))
                {
                    Assert.InRange(record.Data.Length, 0, options.MaxRecordSize);
                    Assert.InRange(record.FileOffset, 0, mutant.Length - 1);
                    // A record takes at least 12 bytes, so more records than that means the reader looped.
                    Assert.True(++records <= mutant.Length / 12, $"mutant {i} produced too many records");
                }
                packets += records;
                Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024, $"mutant {i} allocated while reading");
                Assert.True(source.Diagnostics.BytesRead <= mutant.Length);
            }
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"fuzzing took {clock.Elapsed}");
        Assert.InRange(refused, 1, 1999);
        Assert.True(packets > 1000);
    }

    /// <summary>Overwrite a few bytes (often header or length fields), sometimes truncate, sometimes splice.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var mutant = (byte[])original.Clone();
        var edits = random.Next(1, 9);
        for (var e = 0; e < edits; e++)
        {
            var position = random.Next(4) == 0 ? random.Next(Math.Min(64, mutant.Length)) : random.Next(mutant.Length);
            mutant[position] = random.Next(3) switch
            {
                0 => (byte)random.Next(256),
                1 => 0xFF,
                _ => (byte)(mutant[position] ^ (1 << random.Next(8))),
            };
        }
        if (random.Next(5) == 0)
            mutant = mutant[..random.Next(mutant.Length)];
        return mutant;
    }
}
