using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vnd.Engine.Control.Cloud;

/// <summary>Stores an <see cref="IpPrefix"/> as its CIDR text in durable policies.</summary>
public sealed class IpPrefixJsonConverter : JsonConverter<IpPrefix>
{
    /// <inheritdoc />
    public override IpPrefix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("an IP prefix must be a string");
        return IpPrefix.TryParse(text, out var prefix, out var error) ? prefix : throw new JsonException(error);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IpPrefix value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
