namespace Vnd.Wire.Types;

/// <summary>Wire format code of a parameter or result column.</summary>
public enum PgFormat : short
{
    Text = 0,
    Binary = 1,
}
