using System.Globalization;
using Vnd.Planner.Catalog;
using Vnd.Planner.Distributed;
using Vnd.Planner.Explain;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;
using Vnd.Wire.Results;

namespace Vnd.Engine.Sessions;

public sealed partial class VndSession
{
    private PgCommandResult Set(SetStatement set)
    {
        var local = set.Scope == SetScope.Local;
        if (local && !_transaction.InBlock)
        {
            // PostgreSQL's behaviour: outside a block SET LOCAL would end with the statement, so it only warns.
            _context.SendNotice(new PgErrorException("25P01", "SET LOCAL can only be used in transaction blocks", PgSeverity.Warning));
            return new PgCommandResult("SET");
        }
        _settings.Set(set.Name, set.Values.Select(SettingText).ToArray(), local);
        return new PgCommandResult("SET");
    }

    private TextRowsResult Show(string name)
    {
        if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            var rows = _settings.All().Select(s => new string?[] { s.Name, s.Setting, s.Description }).ToList();
            return new TextRowsResult(TextRowsResult.Describe("name", "setting", "description"), rows, "SHOW");
        }
        return new TextRowsResult(ShowColumns(name), [[_settings.Show(name)]], "SHOW");
    }

    /// <summary>SHOW's column is named after the setting as PostgreSQL spells it (SHOW timezone → TimeZone).</summary>
    private static PgRowDescription ShowColumns(string name) =>
        name.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? TextRowsResult.Describe("name", "setting", "description")
            : TextRowsResult.Describe(SettingDefinitions.Known.TryGetValue(name, out var definition) ? definition.Name : name);

    private PgCommandResult Reset(ResetStatement reset)
    {
        if (reset.Name is null)
            _settings.ResetAll();
        else
            _settings.Reset(reset.Name);
        return new PgCommandResult("RESET");
    }

    private PgCommandResult Discard(DiscardStatement discard)
    {
        var target = discard.Target.ToUpperInvariant();
        if (target == "ALL")
        {
            if (_transaction.InBlock)
                throw new PgErrorException("25001", "DISCARD ALL cannot run inside a transaction block");
            _settings.ResetAll();
            CloseCursors(all: true);
        }
        if (target is "ALL" or "PLANS")
            _plans.Clear();
        if (target is "ALL" or "TEMP" or "TEMPORARY")
        {
            _catalog.DropTempViews();
            _catalog.TempTables.Clear();
        }
        return new PgCommandResult("DISCARD " + target);
    }

    private PgCommandResult Transaction(TransactionStatement transaction)
    {
        switch (transaction.Action)
        {
            case TransactionAction.Begin:
                if (_transaction.Begin())
                {
                    _settings.BeginTransaction();
                    _tempAtBegin = _catalog.SaveTemp();
                }
                else
                    _context.SendNotice(new PgErrorException("25001", "there is already a transaction in progress", PgSeverity.Warning));
                return new PgCommandResult("BEGIN");
            case TransactionAction.Commit or TransactionAction.Rollback:
                var commit = transaction.Action == TransactionAction.Commit;
                var tag = _transaction.End(commit);
                _settings.EndTransaction(tag == "COMMIT");
                if (tag == "ROLLBACK" && _tempAtBegin is not null)
                    _catalog.RestoreTemp(_tempAtBegin);
                _tempAtBegin = null;
                if (tag is null)
                    _context.SendNotice(new PgErrorException("25P01", "there is no transaction in progress", PgSeverity.Warning));
                CloseCursors(all: false);
                return new PgCommandResult(tag ?? (commit ? "COMMIT" : "ROLLBACK"));
            default:
                return new PgCommandResult("SET");
        }
    }

    private TextRowsResult Explain(ExplainStatement explain, PreparedQuery? prepared)
    {
        if (explain.Target is not SelectStatement select)
            throw SqlErrors.FeatureNotSupported("not supported yet: EXPLAIN of this statement");
        var query = prepared ?? PreparedQuery.Prepare(_catalog, select.Query, null);
        var text = _tables.Sites is { } sites ? DistributedPlanText.Format(sites().With(_settings.JoinStrategy).Plan(query.Plan)) : Vnd.Executor.PhysicalPlanning.ExchangePlacement.Explain(query.Plan);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new TextRowsResult(TextRowsResult.Describe("QUERY PLAN"), lines.Select(l => new string?[] { l }).ToList(), "EXPLAIN");
    }

    private PgCommandResult Declare(DeclareCursorStatement declare, PreparedQuery? prepared, BoundLiteral[]? parameters)
    {
        if (!declare.WithHold && !_transaction.InBlock)
            throw new PgErrorException("25P01", "DECLARE CURSOR can only be used in transaction blocks");
        if (_cursors.ContainsKey(declare.Name))
            throw new PgErrorException("42P03", $"cursor \"{declare.Name}\" already exists");
        var query = prepared ?? _plans.Prepare(_catalog, declare.Query, null);
        _cursors[declare.Name] = new SessionCursor(declare.Name, Open(query, parameters), query.Shape, declare.WithHold);
        return new PgCommandResult("DECLARE CURSOR");
    }

    private PgResult Fetch(FetchStatement fetch)
    {
        if (!_cursors.TryGetValue(fetch.Cursor, out var cursor))
            throw new PgErrorException("34000", $"cursor \"{fetch.Cursor}\" does not exist");
        var count = fetch.Direction switch
        {
            FetchDirection.Next => 1,
            FetchDirection.Forward when fetch.Count is >= 0 => fetch.Count.Value,
            FetchDirection.Forward when fetch.Count is null => 1,
            FetchDirection.Relative when fetch.Count is >= 0 => Math.Min(fetch.Count.Value, 1),
            FetchDirection.ForwardAll => long.MaxValue,
            _ => throw new PgErrorException("55000", "cursor can only scan forward", hint: "Declare it with SCROLL option to enable backward scan."),
        };
        if (!fetch.Move)
            return new FetchResult(cursor, count, _execution);
        long moved = 0;
        while (moved < count && cursor.Query.TryTake((int)Math.Min(count - moved, int.MaxValue), CancellationToken.None, out _, out var rows))
            moved += rows.Length;
        return new PgCommandResult("MOVE " + moved.ToString(CultureInfo.InvariantCulture));
    }

    private PgCommandResult Close(CloseStatement close)
    {
        if (close.Name is null)
        {
            CloseCursors(all: true);
        }
        else if (_cursors.Remove(close.Name, out var cursor))
        {
            cursor.Dispose();
        }
        else
        {
            throw new PgErrorException("34000", $"cursor \"{close.Name}\" does not exist");
        }
        return new PgCommandResult("CLOSE CURSOR");
    }

    private PgResult Copy(CopyStatement copy, PreparedQuery? prepared, BoundLiteral[]? parameters)
    {
        if (!copy.ToClient)
            return CopyIn(copy);
        var format = CopyFormat.From(copy.Options);
        var query = prepared ?? PreparedQuery.Prepare(_catalog, copy.Source ?? TableQuery(copy), null);
        return new CopyOutResult(Open(query, parameters), query.Shape, format, _execution, _context.TimeZone);
    }

    /// <summary>
    /// CREATE TEMP VIEW: bound now (so a bad view fails at once with its position) and kept as SQL text in the
    /// session's pg_temp. A tenant's schema holds only trace tables, so permanent views are refused.
    /// </summary>
    private PgCommandResult CreateView(CreateViewStatement create)
    {
        if (!create.Temporary && !(create.Name.Count == 2 && create.Name[0] == SearchPathCatalog.TempSchema))
            throw SqlErrors.FeatureNotSupported("only temporary views: CREATE TEMP VIEW (a tenant's schema holds its trace tables)");
        var prepared = PreparedQuery.Prepare(_catalog, create.Query, null);
        var columns = create.Columns.Count > 0 ? create.Columns : SqlList.From(prepared.Plan.Output.Select(c => c.Name));
        _catalog.CreateTempView(new ViewDefinition(SearchPathCatalog.TempSchema, create.Name[^1], Vnd.Planner.Syntax.Formatting.SqlFormatter.Format(create.Query), columns), create.OrReplace);
        return new PgCommandResult("CREATE VIEW");
    }

    private PgCommandResult Drop(DropStatement drop)
    {
        if (drop.Kind == DropObjectKind.Table)
            return DropTables(drop);
        foreach (var name in drop.Names)
        {
            if (!_catalog.DropTempView(name[^1]) && !drop.IfExists)
                throw new PgErrorException("42P01", $"view \"{string.Join(".", name)}\" does not exist");
        }
        return new PgCommandResult("DROP VIEW");
    }

    /// <summary>COPY table FROM STDIN (FORMAT pcap): the only COPY FROM a trace table takes — its rows are packets.</summary>
    private PcapCopyIn CopyIn(CopyStatement copy)
    {
        var format = copy.Options.FirstOrDefault(o => o.Name.Equals("format", StringComparison.OrdinalIgnoreCase))?.Value;
        if (copy.Table is not { Count: > 0 } table || !string.Equals(format, "pcap", StringComparison.OrdinalIgnoreCase))
            throw SqlErrors.FeatureNotSupported("COPY FROM STDIN takes a trace table and FORMAT pcap (a pcap or pcapng capture)");
        if (_tables.AttachCapture is not { } attach)
            throw SqlErrors.FeatureNotSupported("COPY FROM STDIN needs a tenant session");
        var name = table[^1];
        if (table.Count == 2 && table[0] != Identity.Tenant)
            throw new Vnd.Wire.Errors.PgErrorException("42P01", $"relation \"{string.Join(".", table)}\" does not exist");
        return new PcapCopyIn(file => Attach(attach, name, file), MaxCopyInBytes);
    }

    /// <summary>
    /// The import runs when the client ends the copy, outside <see cref="Execute"/>: its refusals (a quota, 53400)
    /// must still leave as an ErrorResponse that fails the block, not as an internal error that ends the session.
    /// </summary>
    private long Attach(Func<string, string, long> attach, string table, string file)
    {
        try
        {
            return attach(table, file);
        }
        catch (Exception error) when (SqlErrors.IsEngineError(error))
        {
            throw _execution.Failed(error);
        }
    }

    /// <summary>The largest capture one COPY FROM STDIN accepts.</summary>
    private const long MaxCopyInBytes = 4L << 30;

    /// <summary>COPY table [(columns)] TO STDOUT reads what <c>SELECT columns FROM table</c> reads.</summary>
    private static Query TableQuery(CopyStatement copy)
    {
        var columns = copy.Columns.Count == 0 ? "*" : string.Join(", ", copy.Columns.Select(Quote));
        var statement = SqlParser.ParseStatement($"select {columns} from {string.Join(".", copy.Table!.Select(Quote))}");
        return ((SelectStatement)statement).Query;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Ends cursors: all of them, or (at the end of a block) those not declared WITH HOLD.</summary>
    private void CloseCursors(bool all)
    {
        foreach (var cursor in _cursors.Values.ToArray())
        {
            if (all || !cursor.WithHold)
            {
                _cursors.Remove(cursor.Name);
                cursor.Dispose();
            }
        }
    }

    /// <summary>A SET value as PostgreSQL hands it to the setting: literals and bare words as their text.</summary>
    private static string SettingText(Expr value) => value switch
    {
        StringLiteral s => s.Value,
        IntegerLiteral i => i.Value.ToString(CultureInfo.InvariantCulture),
        NumericLiteral n => n.Text,
        BooleanLiteral b => b.Value ? "on" : "off",
        ColumnRef c => string.Join(".", c.Names),
        TypedLiteral t => t.Value,
        UnaryExpr { Operator: "-", Operand: IntegerLiteral i } => (-i.Value).ToString(CultureInfo.InvariantCulture),
        _ => throw new PgErrorException("22023", "SET value must be a literal or a name"),
    };
}
