namespace Vnd.Capture.Fields;

/// <summary>How a field's value is extracted from a <see cref="Decoding.DecodedPacket"/> (which FieldReader method).</summary>
public enum FieldKind : byte
{
    /// <summary><see cref="FieldReader.TryGetInt64"/>.</summary>
    Integer = 0,
    /// <summary><see cref="FieldReader.TryGetBool"/>.</summary>
    Boolean = 1,
    /// <summary><see cref="FieldReader.TryGetAddress"/>: 4 or 16 bytes.</summary>
    Address = 2,
    /// <summary><see cref="FieldReader.TryGetMac"/>.</summary>
    Mac = 3,
    /// <summary><see cref="FieldReader.TryGetText"/>: UTF-8.</summary>
    Text = 4,
    /// <summary><see cref="FieldReader.TryGetBytes"/>.</summary>
    Bytes = 5,
    /// <summary><see cref="FieldReader.TryGetInt64"/> gives nanoseconds since the Unix epoch; the importer picks the stored unit.</summary>
    Timestamp = 6,
}
