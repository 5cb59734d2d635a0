namespace Vnd.Capture.ParseConfigs;

/// <summary>Why a configuration was rejected.</summary>
public enum ConfigErrorKind
{
    /// <summary>The text does not follow the grammar, or a literal is malformed.</summary>
    Syntax,

    /// <summary>The text is too large or too deeply nested to be processed safely.</summary>
    Limit,

    /// <summary>A name is not a valid SQL identifier, or a table id is used twice.</summary>
    Naming,

    /// <summary>A field is unknown, or a value or column does not fit a field's type.</summary>
    Type,
}
