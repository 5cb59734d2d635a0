using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Planner.Types;

namespace Vnd.Capture.Tests.ParseConfigs;

/// <summary>
/// A fixed table of fields for validation tests (test data, not the real catalog): the names and
/// types a field catalog would give for Fig. 7b's fields and a few more. <c>ipv6.addr</c> is an
/// alias whose canonical name is <c>ipv6.src</c>, to show that bound configurations use canonical names.
/// </summary>
internal sealed class CatalogOfTwelveFields : IFieldResolver
{
    private static readonly Dictionary<string, (SqlType Type, string Canonical)> Fields = new()
    {
        ["timestamp"] = (SqlType.TimestampTzNanos, "timestamp"),
        ["ip.src"] = (SqlType.Inet4, "ip.src"),
        ["ip.dst"] = (SqlType.Inet4, "ip.dst"),
        ["ip.proto"] = (SqlType.Int2, "ip.proto"),
        ["ipv6.src"] = (SqlType.Inet6, "ipv6.src"),
        ["ipv6.addr"] = (SqlType.Inet6, "ipv6.src"),
        ["tcp"] = (SqlType.Bool, "tcp"),
        ["tcp.src"] = (SqlType.Int4, "tcp.src"),
        ["tcp.dst"] = (SqlType.Int4, "tcp.dst"),
        ["udp.src"] = (SqlType.Int4, "udp.src"),
        ["udp.dst"] = (SqlType.Int4, "udp.dst"),
        ["frame.len"] = (SqlType.Int8, "frame.len"),
        ["eth.src"] = (SqlType.MacAddr, "eth.src"),
        ["http.host"] = (SqlType.Text, "http.host"),
    };

    public bool TryResolve(string name, out SqlType type, out string canonicalName)
    {
        if (Fields.TryGetValue(name, out var field))
        {
            (type, canonicalName) = field;
            return true;
        }

        (type, canonicalName) = (SqlType.Unknown, name);
        return false;
    }
}
