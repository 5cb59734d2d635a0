using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// A generated In/Out trace-table pair in the paper's format (§3.3.1): &lt;ts, id, srcIP, dstIP, srcPort, dstPort,
/// seq, ack, payload_length&gt;. TCP flows alternate data packets (client → server) and their ACKs; the Out table
/// holds the same packets a little later, minus about 3% lost ones.
/// </summary>
internal sealed record TracePacket(double Ts, long Id, uint Src, uint Dst, int SrcPort, int DstPort, long Seq, long Ack, int Length)
{
    public static readonly SqlType[] Types =
        [SqlType.Float8, SqlType.Int8, SqlType.Inet4, SqlType.Inet4, SqlType.Int4, SqlType.Int4, SqlType.Int8, SqlType.Int8, SqlType.Int4];

    public static readonly string[] Names = ["ts", "id", "srcip", "dstip", "srcport", "dstport", "seq", "ack", "payload_length"];

    public const uint Client = 0x0A000001;
    public const uint Server = 0x0A000002;

    public static (List<TracePacket> In, List<TracePacket> Out) Generate(int count, int seed)
    {
        var random = new Random(seed);
        var input = new List<TracePacket>(count);
        var output = new List<TracePacket>(count);
        const int flows = 40;
        var seq = new long[flows];
        var lastLength = new int[flows];
        for (var i = 0; i < count; i++)
        {
            var flow = random.Next(flows);
            var ts = 1_700_000_000 + (i * 0.00005) + (random.NextDouble() * 0.00001);
            var client = flow < 20 ? Client : Client + (uint)flow;
            var port = 40000 + flow;
            TracePacket p;
            if (random.Next(2) == 0 || lastLength[flow] == 0)
            {
                var length = random.Next(4) == 0 ? 0 : random.Next(1, 1449);
                p = new TracePacket(ts, i, client, Server, port, 80, seq[flow], 0, length);
                seq[flow] += length;
                lastLength[flow] = length;
            }
            else
            {
                p = new TracePacket(ts, i, Server, client, 80, port, 0, seq[flow], 0);
            }
            input.Add(p);
            if (random.Next(100) >= 3)
                output.Add(p with { Ts = p.Ts + 0.0005 + (random.NextDouble() * 0.001) });
        }
        return (input, output);
    }

    public static InMemoryTable Table(IEnumerable<TracePacket> packets)
    {
        var table = new InMemoryTable(Types, Names);
        foreach (var p in packets)
            table.AppendRow(p.Ts, p.Id, InetValue.FromV4(p.Src), InetValue.FromV4(p.Dst), p.SrcPort, p.DstPort, p.Seq, p.Ack, p.Length);
        return table;
    }
}
