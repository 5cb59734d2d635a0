using System.Globalization;
using System.Net;
using System.Text;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>
/// VND's values of a field for one packet, spelled as tshark prints them, outermost layer first: the outer
/// packet, then the innermost tunnel frame (<c>inner.</c>), then the ICMP-quoted header (<c>quoted.</c>).
/// Multi-valued fields (VLAN tags, nested VNIs, GRE in GRE) list every value VND keeps.
/// </summary>
public static class TsharkValues
{
    private static readonly Dictionary<string, string> HexFormats = new()
    {
        ["ip.id"] = "x4", ["tcp.flags"] = "x4", ["geneve.vni"] = "x6", ["gre.proto"] = "x4", ["dns.id"] = "x4",
    };

    public static List<string> Of(in DecodedPacket p, ReadOnlySpan<byte> frame, string column)
    {
        var values = new List<string>();
        switch (column)
        {
            case "vlan.id":
                AddVlans(in p.Outer, values);
                AddVlans(in p.Inner, values);
                return values;
            case "vxlan.vni":
                for (var i = 0; i < Math.Min((int)p.VniCount, VniStack.Capacity); i++)
                    values.Add(p.Vnis[i].ToString(CultureInfo.InvariantCulture));
                return values;
            case "gre.proto":
                if (p.HasGre)
                    values.Add("0x" + p.GreProto.ToString("x4", CultureInfo.InvariantCulture));
                if (p.GreCount > 1)
                    values.Add("0x" + p.GreProtoInnermost.ToString("x4", CultureInfo.InvariantCulture));
                return values;
        }
        foreach (var prefix in (string[])["", FieldCatalog.InnerPrefix, FieldCatalog.QuotedPrefix])
        {
            if (!FieldCatalog.Default.TryResolve(prefix + column, out var field))
            {
                if (prefix.Length == 0)
                    throw new InvalidOperationException($"the catalog has no field {column}");
                continue;
            }
            if (Format(in p, frame, field, column) is { } text)
                values.Add(text);
        }
        return values;
    }

    private static void AddVlans(in HeaderLayer l, List<string> values)
    {
        if (!l.Has(LayerParts.Vlan))
            return;
        // tshark names 802.1ad service tags ieee8021ad.id, so its vlan.id lists only the 802.1Q tags.
        for (var i = 0; i < l.VlanCount; i++)
            if ((l.VlanServiceTags & (1 << i)) == 0)
                values.Add(l.VlanIds[i].ToString(CultureInfo.InvariantCulture));
    }

    private static string? Format(in DecodedPacket p, ReadOnlySpan<byte> frame, FieldDescriptor field, string column)
    {
        switch (field.Kind)
        {
            case FieldKind.Integer:
                if (!FieldReader.TryGetInt64(in p, frame, field.Id, out var n))
                    return null;
                return HexFormats.TryGetValue(column, out var hex)
                    ? "0x" + n.ToString(hex, CultureInfo.InvariantCulture)
                    : n.ToString(CultureInfo.InvariantCulture);
            case FieldKind.Boolean:
                return FieldReader.TryGetBool(in p, field.Id, out var b) ? (b ? "1" : "0") : null;
            case FieldKind.Address:
                Span<byte> address = stackalloc byte[16];
                return FieldReader.TryGetAddress(in p, field.Id, address, out var length)
                    ? new IPAddress(address[..length]).ToString() : null;
            case FieldKind.Mac:
                if (!FieldReader.TryGetMac(in p, field.Id, out var mac))
                    return null;
                var parts = new string[6];
                for (var i = 0; i < 6; i++)
                    parts[i] = ((mac >> (40 - 8 * i)) & 0xFF).ToString("x2", CultureInfo.InvariantCulture);
                return string.Join(':', parts);
            case FieldKind.Text:
                return FieldReader.TryGetText(in p, field.Id, out var utf8) ? Encoding.UTF8.GetString(utf8) : null;
            default:
                throw new InvalidOperationException($"column {column} has kind {field.Kind}");
        }
    }
}
