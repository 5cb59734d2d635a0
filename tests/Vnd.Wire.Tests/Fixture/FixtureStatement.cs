using System.Globalization;
using System.Text.RegularExpressions;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;
using Vnd.Wire.Protocol;
using Vnd.Wire.Results;
using Vnd.Wire.Types;

namespace Vnd.Wire.Tests.Fixture;

/// <summary>The fixture's tiny statement language, recognised by prefix.</summary>
public sealed partial class FixtureStatement : IPgStatement
{
    private readonly Func<PgParameters, CancellationToken, ValueTask<PgResult>> _bind;

    private FixtureStatement(uint[] parameterTypes, PgRowDescription? columns, Func<PgParameters, CancellationToken, ValueTask<PgResult>> bind)
    {
        ParameterTypes = parameterTypes;
        Columns = columns;
        _bind = bind;
    }

    public uint[] ParameterTypes { get; }

    public PgRowDescription? Columns { get; }

    public ValueTask<PgResult> BindAsync(PgParameters parameters, CancellationToken cancellationToken) => _bind(parameters, cancellationToken);

    public void Dispose()
    {
    }

    public static FixtureStatement Create(string sql, uint[] parameterTypes, FixtureSession session)
    {
        var text = sql.Trim().TrimEnd(';').Trim();
        var lower = text.ToLowerInvariant();
        if (lower.Length == 0)
        {
            return Command(null, () => new PgEmptyQueryResult());
        }

        if (Placeholder().IsMatch(text))
        {
            return Echo(text, parameterTypes);
        }

        switch (lower)
        {
            case "select types":
                return Rows(TypesResult.Description, () => new TypesResult());
            case "select specials":
                return Rows(SpecialsResult.Description, () => new SpecialsResult());
            case "select sleep":
                return Rows(SleepResult.Description, () => new SleepResult());
            case "select notice":
                return Command(null, () =>
                {
                    session.Context.SendNotice(new PgErrorException("01000", "fixture notice", PgSeverity.Notice));
                    return new PgCommandResult("SELECT 0");
                });
            case "select error":
                throw new PgErrorException(SqlState.SyntaxError, "syntax error at or near \"error\"", PgSeverity.Error,
                    "fixture detail", "fixture hint", 8);
            case "begin" or "begin transaction isolation level read committed":
                return Command(null, () => Transaction(session, PgTransactionStatus.InTransaction, "BEGIN"));
            case "commit":
                return Command(null, () => Transaction(session, PgTransactionStatus.Idle, session.TransactionStatus == PgTransactionStatus.Failed ? "ROLLBACK" : "COMMIT"));
            case "rollback":
                return Command(null, () => Transaction(session, PgTransactionStatus.Idle, "ROLLBACK"));
            case "copy sink from stdin":
                return Command(null, () => new CopyInSink(session.Handler));
        }

        if (lower.StartsWith("select series ", StringComparison.Ordinal) &&
            int.TryParse(lower.AsSpan(14), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return Rows(SeriesResult.Description, () => new SeriesResult(count));
        }

        if (lower.StartsWith("copy", StringComparison.Ordinal) && lower.Contains("to stdout", StringComparison.Ordinal))
        {
            var format = lower.Contains("binary", StringComparison.Ordinal) ? CopyOutFormat.Binary
                : lower.Contains("csv", StringComparison.Ordinal) ? CopyOutFormat.Csv : CopyOutFormat.Text;
            return Command(null, () => new CopyOutRows(format));
        }

        if (session.TransactionStatus == PgTransactionStatus.Failed)
        {
            throw new PgErrorException(SqlState.InFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");
        }

        throw new PgErrorException(SqlState.UndefinedTable, "relation \"pg_type\" does not exist",
            hint: "the fixture engine knows only its test statements");
    }

    private static PgCommandResult Transaction(FixtureSession session, PgTransactionStatus status, string tag)
    {
        session.TransactionStatus = status;
        return new PgCommandResult(tag);
    }

    private static FixtureStatement Rows(PgRowDescription columns, Func<PgResult> create) =>
        new([], columns, (_, _) => ValueTask.FromResult(create()));

    private static FixtureStatement Command(PgRowDescription? columns, Func<PgResult> create) =>
        new([], columns, (_, _) => ValueTask.FromResult(create()));

    /// <summary><c>select $1, $2</c>: one row echoing each parameter with its (client-given or text) type.</summary>
    private static FixtureStatement Echo(string sql, uint[] clientTypes)
    {
        var count = 0;
        foreach (Match match in Placeholder().Matches(sql))
        {
            if (!int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 100)
            {
                throw new PgErrorException("42P02", $"there is no parameter {match.Value}");
            }

            count = Math.Max(count, number);
        }

        var types = new uint[count];
        var builder = new RowDescriptionBuilder();
        for (var i = 0; i < count; i++)
        {
            types[i] = i < clientTypes.Length && clientTypes[i] != 0 ? clientTypes[i] : PgTypeOid.Text;
            builder.Add("p" + (i + 1).ToString(CultureInfo.InvariantCulture), types[i]);
        }

        var columns = builder.Build();
        return new FixtureStatement(types, columns, (parameters, _) => parameters.Count == count
            ? ValueTask.FromResult<PgResult>(new EchoResult(columns, parameters))
            : throw new PgErrorException("42P02", "there is no parameter $1"));
    }

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Placeholder();
}
