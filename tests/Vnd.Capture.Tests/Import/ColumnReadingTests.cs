using System.Globalization;
using System.Net;
using System.Text;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.Import;
using Vnd.Capture.Import.Filters;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Capture.Sources;
using Vnd.Capture.Tests.Support;
using Vnd.Executor.Storage;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Import;

/// <summary>
/// The importer fills columns a batch of packets at a time, most integer and IPv4 fields through precomputed
/// offsets into the decoded packet: every value it stores must equal what the general <see cref="FieldReader"/>
/// reads from the same packet, for every integer, timestamp, address, boolean and text field of the catalog, on
/// the outer, inner and quoted layers, over captures with tunnels, ICMP errors, IPv6, VLANs and odd link types;
/// and a filter on a field's presence, which uses the same slots, must agree with the general reader.
/// </summary>
public sealed class ColumnReadingTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "vnd-columns-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    public static TheoryData<string> Captures() =>
        SampleCaptures.InFolders("tunnels", "icmp_arp", "ipv6", "vlan", "udp_dns", "linktypes", "pcapng", "truncated");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Every_stored_value_equals_the_general_field_reader(string relative)
    {
        var path = SharedData.Pcap(relative);
        List<SampleFrame> frames;
        try
        {
            frames = SampleCaptures.Read(path);
        }
        catch (CaptureFormatException)
        {
            return; // a capture the reader refuses has no rows to compare (covered by the reader's tests)
        }
        var fields = EveryField();
        var store = new TraceTableStore(_data);
        using (var importer = new TraceImporter(store, "t", Bind(fields)))
        {
            using (var source = CaptureFile.Open(path))
                importer.Import(source, relative);
            importer.Complete();
        }
        var rows = ImportedTable.Read(store, new TableRef("t", "every_field"));
        Assert.Equal(frames.Count, rows.Count);

        var presence = fields.ConvertAll(f => new FieldPresentPredicate(f));
        var decoder = PacketDecoder.Default;
        var packet = DecodedPacket.Create();
        var nanosecond = CaptureFile.Open(path) is var probe && probe.Resolution == Planner.Types.TimeUnit.Nanosecond;
        probe.Dispose();
        for (var r = 0; r < frames.Count; r++)
        {
            var frame = frames[r];
            decoder.Decode(frame.Data, frame.LinkType, frame.OriginalLength, ref packet);
            packet.TimestampNanos = frame.HasTimestamp ? frame.TimestampNanos : long.MinValue;
            packet.InterfaceId = frame.InterfaceId;
            for (var c = 0; c < fields.Count; c++)
            {
                var expected = Expected(in packet, frame.Data, fields[c], nanosecond);
                Assert.True(expected == rows[r][$"c{c}"], $"{relative} row {r} {fields[c].Name}: expected '{expected}', stored '{rows[r][$"c{c}"]}'");
                // Filters test presence through the same slots (one AND of layer parts).
                if (fields[c].Kind is FieldKind.Integer or FieldKind.Address)
                    Assert.True((expected != "") == presence[c].Matches(in packet, frame.Data), $"{relative} row {r} filter on {fields[c].Name}");
            }
        }
    }

    /// <summary>What the general reader gives, formatted as <see cref="ImportedTable"/> formats stored values.</summary>
    private static string Expected(in DecodedPacket p, ReadOnlySpan<byte> frame, FieldDescriptor field, bool nanosecond)
    {
        switch (field.Kind)
        {
            case FieldKind.Integer:
                return FieldReader.TryGetInt64(in p, frame, field.Id, out var value) ? value.ToString(CultureInfo.InvariantCulture) : "";
            case FieldKind.Timestamp:
                if (!FieldReader.TryGetInt64(in p, frame, field.Id, out var nanos) || nanos == long.MinValue)
                    return "";
                if (!nanosecond)
                    nanos = (nanos >= 0 ? nanos / 1000 : (nanos - 999) / 1000) * 1000;
                return $"{nanos / 1_000_000_000}.{nanos % 1_000_000_000:D9}";
            case FieldKind.Boolean:
                return FieldReader.TryGetBool(in p, field.Id, out var b) ? (b ? "1" : "0") : "";
            case FieldKind.Address:
                Span<byte> address = stackalloc byte[16];
                if (!FieldReader.TryGetAddress(in p, field.Id, address, out var length))
                    return "";
                var ip = new IPAddress(address[..length]);
                return (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
            default:
                return FieldReader.TryGetText(in p, field.Id, out var text) ? Encoding.UTF8.GetString(text) : "";
        }
    }

    /// <summary>Every catalog field of the compared kinds, on each layer the catalog resolves for it.</summary>
    private static List<FieldDescriptor> EveryField()
    {
        var catalog = FieldCatalog.Default;
        var fields = new List<FieldDescriptor>();
        foreach (var field in catalog.Fields)
        {
            if (field.Kind is FieldKind.Mac or FieldKind.Bytes || field.Layer != LayerRole.Outer)
                continue;
            foreach (var prefix in new[] { "", FieldCatalog.InnerPrefix, FieldCatalog.QuotedPrefix })
            {
                if (catalog.TryResolve(prefix + field.Name, out var resolved) && !fields.Contains(resolved))
                    fields.Add(resolved);
            }
        }
        return fields;
    }

    private static BoundParseConfiguration Bind(List<FieldDescriptor> fields)
    {
        var text = new StringBuilder("Trace ID all\nTable ID every_field\nFields: ");
        for (var i = 0; i < fields.Count; i++)
            text.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"{fields[i].Name} as c{i}");
        return ParseConfigurationValidator.Validate(ParseConfigurationParser.Parse(text.ToString()), new CatalogFieldResolver(FieldCatalog.Default));
    }
}
