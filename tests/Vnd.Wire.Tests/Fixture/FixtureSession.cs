using System.Runtime.CompilerServices;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;
using Vnd.Wire.Protocol;

namespace Vnd.Wire.Tests.Fixture;

/// <summary>A session of the fixture engine: splits simple queries on ';' and tracks the transaction state.</summary>
public sealed class FixtureSession(FixtureHandler handler, PgSessionContext context) : IPgSession
{
    public FixtureHandler Handler { get; } = handler;

    public PgSessionContext Context { get; } = context;

    public PgTransactionStatus TransactionStatus { get; set; } = PgTransactionStatus.Idle;

    public PgIdlePolicy IdlePolicy => Handler.IdlePolicy;

    public async IAsyncEnumerable<PgResult> SimpleQueryAsync(string sql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Handler.ReceivedSql.Enqueue(sql);
        var statements = Split(sql);
        if (statements.Count == 0)
        {
            yield return new PgEmptyQueryResult();
            yield break;
        }

        foreach (var text in statements)
        {
            PgResult result;
            try
            {
                using var statement = FixtureStatement.Create(text, [], this);
                result = await statement.BindAsync(Types.PgParameters.Empty, cancellationToken);
            }
            catch (PgErrorException)
            {
                Fail();
                throw;
            }

            yield return result;
        }
    }

    public ValueTask<IPgStatement> ParseAsync(string sql, uint[] parameterTypes, CancellationToken cancellationToken)
    {
        Handler.ReceivedSql.Enqueue(sql);
        try
        {
            return ValueTask.FromResult<IPgStatement>(FixtureStatement.Create(sql, parameterTypes, this));
        }
        catch (PgErrorException)
        {
            Fail();
            throw;
        }
    }

    public ValueTask SyncAsync(CancellationToken cancellationToken) => default;

    public ValueTask DisposeAsync() => default;

    private void Fail()
    {
        if (TransactionStatus == PgTransactionStatus.InTransaction)
        {
            TransactionStatus = PgTransactionStatus.Failed;
        }
    }

    /// <summary>Splits on ';' outside single quotes; drops empty and comment-only pieces.</summary>
    private static List<string> Split(string sql)
    {
        var result = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= sql.Length; i++)
        {
            if (i < sql.Length && sql[i] == '\'')
            {
                quoted = !quoted;
            }

            if (i == sql.Length || (sql[i] == ';' && !quoted))
            {
                var piece = StripComments(sql[start..i]).Trim();
                if (piece.Length > 0)
                {
                    result.Add(piece);
                }

                start = i + 1;
            }
        }

        return result;
    }

    private static string StripComments(string sql)
    {
        var lines = sql.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var dash = lines[i].IndexOf("--", StringComparison.Ordinal);
            if (dash >= 0)
            {
                lines[i] = lines[i][..dash];
            }
        }

        return string.Join('\n', lines);
    }
}
