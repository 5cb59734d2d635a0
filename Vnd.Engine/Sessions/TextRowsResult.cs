using Vnd.Wire.Handlers;
using Vnd.Wire.Results;
using Vnd.Wire.Types;

namespace Vnd.Engine.Sessions;

/// <summary>A small result computed by the session itself (SHOW, EXPLAIN): text columns, rows already in hand.</summary>
public sealed class TextRowsResult : PgRowsResult
{
    private readonly IReadOnlyList<string?[]> _rows;
    private readonly string? _tag;
    private int _next;

    public TextRowsResult(PgRowDescription columns, IReadOnlyList<string?[]> rows, string? tag = null)
    {
        Columns = columns;
        _rows = rows;
        _tag = tag;
    }

    public override PgRowDescription Columns { get; }

    /// <summary>A description of text columns with these names.</summary>
    public static PgRowDescription Describe(params string[] names)
    {
        var builder = new RowDescriptionBuilder();
        foreach (var name in names)
            builder.Add(name, PgTypeOid.Text);
        return builder.Build();
    }

    public override ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        for (var written = 0; written < maxRows && _next < _rows.Count; written++)
        {
            writer.BeginRow();
            foreach (var value in _rows[_next++])
            {
                if (value is null)
                    writer.WriteNull();
                else
                    writer.WriteText(value);
            }
            writer.EndRow();
        }
        return ValueTask.FromResult(_next < _rows.Count);
    }

    public override string CommandTag(long rowCount) => _tag ?? base.CommandTag(rowCount);
}
