using Vnd.Wire.Types;

namespace Vnd.Wire.Results;

/// <summary>Builds a <see cref="PgRowDescription"/>; typlen defaults to the built-in length of the type.</summary>
public sealed class RowDescriptionBuilder
{
    private readonly List<PgColumn> _columns = [];

    public RowDescriptionBuilder Add(string name, uint typeOid, int typeModifier = -1, uint tableOid = 0, short attributeNumber = 0)
    {
        _columns.Add(new PgColumn(name, typeOid, PgTypeOid.TypeLength(typeOid), typeModifier, tableOid, attributeNumber));
        return this;
    }

    public PgRowDescription Build() => new([.. _columns]);
}
