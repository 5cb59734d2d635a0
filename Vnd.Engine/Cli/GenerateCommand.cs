using System.CommandLine;
using Vnd.Capture.Synthetic;

namespace Vnd.Engine.Cli;

/// <summary>
/// <c>vnd generate</c>: writes deterministic bulk TCP traffic (handshakes, data, delayed ACKs) as a pcap, so a new
/// operator can try the import and the queries without a capture of their own.
/// </summary>
public static class GenerateCommand
{
    public static Command Build()
    {
        var output = new Option<FileInfo>("--out") { Description = "pcap file to write", Required = true };
        var packets = new Option<long>("--packets") { Description = "number of packets", DefaultValueFactory = _ => 1_000_000 };
        var connections = new Option<int>("--connections") { Description = "concurrent TCP connections", DefaultValueFactory = _ => 64 };
        var snap = new Option<int>("--snaplen") { Description = "bytes captured per packet", DefaultValueFactory = _ => 96 };
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 42 };
        var command = new Command("generate", "write deterministic demo TCP traffic as a pcap") { output, packets, connections, snap, seed };
        command.SetAction(result =>
        {
            var file = result.GetRequiredValue(output);
            var options = new BulkTcpTrafficOptions
            {
                Packets = result.GetValue(packets),
                ConcurrentConnections = Math.Max(1, result.GetValue(connections)),
                Seed = result.GetValue(seed),
            };
            using (var writer = PcapFileWriter.Create(file.FullName, snapLength: Math.Clamp(result.GetValue(snap), 54, 65535)))
            {
                var sink = new PcapSegmentSink(writer);
                new BulkTcpTraffic(options).Generate(ref sink);
            }
            Console.WriteLine($"wrote {options.Packets:N0} packets to {file.FullName}");
            return 0;
        });
        return command;
    }
}
