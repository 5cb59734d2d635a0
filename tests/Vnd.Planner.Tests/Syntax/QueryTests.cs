using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Formatting;

namespace Vnd.Planner.Tests.Syntax;

/// <summary>SELECT structure: clauses, joins, derived tables, set operations, CTEs, paging.</summary>
public class QueryTests
{
    private static string Format(string sql) => SqlFormatter.Format(SqlParser.ParseStatement(sql));

    [Theory]
    // The paper's queries (§5); its table "In" is renamed because IN is reserved, as in PostgreSQL.
    [InlineData("select ceil(ts), sum(payload_length) from t group by ceil(ts)",
        "SELECT ceil(ts), sum(payload_length) FROM t GROUP BY ceil(ts)")]
    [InlineData("create view rtt as select f.ts as t1, b.ts as t2 from tf as f, tb as b where f.seq + f.payload_length = b.ack",
        "CREATE VIEW rtt AS SELECT f.ts AS t1, b.ts AS t2 FROM tf AS f, tb AS b WHERE ((f.seq + f.payload_length) = b.ack)")]
    [InlineData("select avg(t2-t1) from rtt", "SELECT avg((t2 - t1)) FROM rtt")]
    [InlineData("select * from \"In\" where \"In\".id not in (select id from Out)",
        "SELECT * FROM \"In\" WHERE (\"In\".id NOT IN (SELECT id FROM out))")]
    [InlineData("select * from in_t where in_t.id not in (select id from out_t)",
        "SELECT * FROM in_t WHERE (in_t.id NOT IN (SELECT id FROM out_t))")]
    public void PaperQueries(string sql, string expected) => Assert.Equal(expected, Format(sql));

    [Theory]
    [InlineData("SELECT DISTINCT a FROM t", "SELECT DISTINCT a FROM t")]
    [InlineData("SELECT ALL a FROM t", "SELECT a FROM t")]
    [InlineData("SELECT DISTINCT ON (a, b) a, c FROM t ORDER BY a, b, c DESC", "SELECT DISTINCT ON (a, b) a, c FROM t ORDER BY a, b, c DESC")]
    [InlineData("SELECT a x, b AS \"Y\", c AS from FROM s.t", "SELECT a AS x, b AS \"Y\", c AS \"from\" FROM s.t")]
    [InlineData("SELECT t.*, u.a FROM t, u", "SELECT t.*, u.a FROM t, u")]
    [InlineData("SELECT FROM t", "SELECT  FROM t")]
    [InlineData("SELECT 1", "SELECT 1")]
    [InlineData("SELECT a FROM \"My Tab\" AS m (x, y)", "SELECT a FROM \"My Tab\" AS m (x, y)")]
    [InlineData("SELECT a FROM t GROUP BY 1, 2 HAVING count(*) > 1 ORDER BY 1 ASC NULLS FIRST, 2 USING >",
        "SELECT a FROM t GROUP BY 1, 2 HAVING (count(*) > 1) ORDER BY 1 ASC NULLS FIRST, 2 USING >")]
    [InlineData("SELECT a FROM t LIMIT 10 OFFSET 5", "SELECT a FROM t LIMIT 10 OFFSET 5")]
    [InlineData("SELECT a FROM t OFFSET 5 ROWS FETCH FIRST 3 ROWS ONLY", "SELECT a FROM t LIMIT 3 OFFSET 5")]
    [InlineData("SELECT a FROM t FETCH NEXT ROW ONLY", "SELECT a FROM t LIMIT 1")]
    [InlineData("SELECT a FROM t LIMIT ALL", "SELECT a FROM t")]
    [InlineData("SELECT a FROM t LIMIT $1", "SELECT a FROM t LIMIT $1")]
    [InlineData("SELECT a FROM t FOR UPDATE", "SELECT a FROM t FOR UPDATE")]
    [InlineData("SELECT sum(x) OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY ts)",
        "SELECT sum(x) OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY ts)")]
    public void Clauses(string sql, string expected) => Assert.Equal(expected, Format(sql));

    [Theory]
    [InlineData("SELECT * FROM a JOIN b ON a.x = b.x", "SELECT * FROM (a INNER JOIN b ON (a.x = b.x))")]
    [InlineData("SELECT * FROM a INNER JOIN b USING (x, y)", "SELECT * FROM (a INNER JOIN b USING (x, y))")]
    [InlineData("SELECT * FROM a LEFT OUTER JOIN b ON true RIGHT JOIN c ON false", "SELECT * FROM ((a LEFT JOIN b ON TRUE) RIGHT JOIN c ON FALSE)")]
    [InlineData("SELECT * FROM a FULL JOIN b ON p CROSS JOIN c", "SELECT * FROM ((a FULL JOIN b ON p) CROSS JOIN c)")]
    [InlineData("SELECT * FROM a NATURAL JOIN b", "SELECT * FROM (a NATURAL INNER JOIN b)")]
    [InlineData("SELECT * FROM a NATURAL LEFT JOIN b", "SELECT * FROM (a NATURAL LEFT JOIN b)")]
    [InlineData("SELECT * FROM a JOIN (b JOIN c ON p) ON q", "SELECT * FROM (a INNER JOIN (b INNER JOIN c ON p) ON q)")]
    [InlineData("SELECT * FROM (SELECT 1 AS x) AS d (y)", "SELECT * FROM (SELECT 1 AS x) AS d (y)")]
    [InlineData("SELECT * FROM (SELECT 1) d", "SELECT * FROM (SELECT 1) AS d")]
    [InlineData("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s)", "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s)")]
    [InlineData("SELECT * FROM generate_series(1, 3) AS g", "SELECT * FROM generate_series(1, 3) AS g")]
    [InlineData("SELECT * FROM t, LATERAL (SELECT t.a) s", "SELECT * FROM t, LATERAL (SELECT t.a) AS s")]
    [InlineData("SELECT * FROM pg_catalog.unnest(tc.reloptions) x", "SELECT * FROM pg_catalog.unnest(tc.reloptions) AS x")]
    [InlineData("SELECT * FROM unnest(a) WITH ORDINALITY u (v, n)", "SELECT * FROM unnest(a) WITH ORDINALITY AS u (v, n)")]
    [InlineData("SELECT * FROM rows from (generate_series(1, 2), pg_catalog.upper('x')) with ordinality r",
        "SELECT * FROM ROWS FROM (generate_series(1, 2), pg_catalog.upper('x')) WITH ORDINALITY AS r")]
    [InlineData("SELECT * FROM t, LATERAL ROWS FROM (unnest(t.a)) AS r", "SELECT * FROM t, LATERAL ROWS FROM (unnest(t.a)) AS r")]
    [InlineData("SELECT * FROM rows, rows AS r", "SELECT * FROM rows, rows AS r")]
    public void FromItems(string sql, string expected) => Assert.Equal(expected, Format(sql));

    [Theory]
    [InlineData("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3", "SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)")]
    [InlineData("SELECT 1 INTERSECT SELECT 2 UNION ALL SELECT 3", "SELECT 1 INTERSECT SELECT 2 UNION ALL SELECT 3")]
    [InlineData("SELECT 1 EXCEPT SELECT 2 UNION SELECT 3", "SELECT 1 EXCEPT SELECT 2 UNION SELECT 3")]
    [InlineData("SELECT 1 UNION DISTINCT SELECT 2", "SELECT 1 UNION SELECT 2")]
    [InlineData("(SELECT 1 LIMIT 1) UNION SELECT 2 ORDER BY 1", "(SELECT 1 LIMIT 1) UNION SELECT 2 ORDER BY 1")]
    [InlineData("((SELECT 1))", "SELECT 1")]
    [InlineData("VALUES (1), (2)", "VALUES (1), (2)")]
    [InlineData("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3", "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3")]
    [InlineData("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) AS u", "SELECT * FROM (SELECT 1 UNION SELECT 2) AS u")]
    [InlineData("SELECT * FROM ((SELECT 1) AS x JOIN b ON p)", "SELECT * FROM ((SELECT 1) AS x INNER JOIN b ON p)")]
    [InlineData("SELECT * FROM ((a JOIN b ON p))", "SELECT * FROM (a INNER JOIN b ON p)")]
    [InlineData("VALUES (1) UNION ALL SELECT 2", "VALUES (1) UNION ALL SELECT 2")]
    public void SetOperations(string sql, string expected) => Assert.Equal(expected, Format(sql));

    [Theory]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", "WITH x AS (SELECT 1) SELECT * FROM x")]
    [InlineData("WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5), s AS MATERIALIZED (SELECT 2) SELECT n FROM r",
        "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT (n + 1) FROM r WHERE (n < 5)), s AS (SELECT 2) SELECT n FROM r")]
    public void CommonTableExpressions(string sql, string expected) => Assert.Equal(expected, Format(sql));

    [Fact]
    public void TreesCompareStructurally()
    {
        var expected = new SelectStatement(new Query(
            null,
            new SelectCore(DistinctKind.All, [], [new SelectItem(new ColumnRef(["a"]), "x")], [new NamedTable(["t"], null)],
                new BinaryExpr("=", new ColumnRef(["b"]), new IntegerLiteral(1)), [], null, []),
            [], null, null));
        Assert.Equal(expected, SqlParser.ParseStatement("select A as X from T where b = 1"));
        Assert.Equal(expected, SqlParser.ParseStatement("SELECT a x FROM t WHERE (b) = (1);"));
        Assert.NotEqual(expected, SqlParser.ParseStatement("SELECT a x FROM t WHERE b = 2"));
    }

    [Fact]
    public void NodesCarryTheirPositions()
    {
        const string sql = "SELECT a, f.ts FROM tf AS f WHERE f.x IN (1)";
        var query = Assert.IsType<SelectStatement>(SqlParser.ParseStatement(sql)).Query;
        var core = Assert.IsType<SelectCore>(query.Body);
        Assert.Equal(0, core.Position);
        Assert.Equal(sql.IndexOf("f.ts", StringComparison.Ordinal), core.Items[1].Expr.Position);
        Assert.Equal(sql.IndexOf("tf", StringComparison.Ordinal), core.From[0].Position);
        Assert.Equal(sql.IndexOf("IN", StringComparison.Ordinal), core.Where!.Position);
    }
}
