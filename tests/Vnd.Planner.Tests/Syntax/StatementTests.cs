using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Formatting;

namespace Vnd.Planner.Tests.Syntax;

/// <summary>Non-query statements, scripts, and the not-supported classification.</summary>
public class StatementTests
{
    private static string Format(string sql) => SqlFormatter.Format(SqlParser.ParseStatement(sql));

    [Theory]
    [InlineData("CREATE TEMP VIEW v (a, b) AS SELECT 1, 2", "CREATE TEMPORARY VIEW v (a, b) AS SELECT 1, 2")]
    [InlineData("create or replace view s.v as select 1", "CREATE OR REPLACE VIEW s.v AS SELECT 1")]
    [InlineData("CREATE TEMPORARY TABLE x AS SELECT * FROM t", "CREATE TEMPORARY TABLE x AS SELECT * FROM t")]
    [InlineData("CREATE TEMP TABLE x (a, b) AS VALUES (1, 2)", "CREATE TEMPORARY TABLE x (a, b) AS VALUES (1, 2)")]
    [InlineData("DROP VIEW IF EXISTS a, s.b CASCADE", "DROP VIEW IF EXISTS a, s.b CASCADE")]
    [InlineData("DROP TABLE t RESTRICT", "DROP TABLE t")]
    [InlineData("EXPLAIN SELECT 1", "EXPLAIN SELECT 1")]
    [InlineData("EXPLAIN ANALYZE VERBOSE SELECT 1", "EXPLAIN (ANALYZE, VERBOSE) SELECT 1")]
    [InlineData("EXPLAIN (ANALYZE, VERBOSE, FORMAT TEXT) SELECT 1", "EXPLAIN (ANALYZE, VERBOSE, FORMAT 'text') SELECT 1")]
    [InlineData("EXPLAIN (COSTS off) CREATE TEMP TABLE t AS SELECT 1", "EXPLAIN (COSTS 'off') CREATE TEMPORARY TABLE t AS SELECT 1")]
    [InlineData("SET extra_float_digits = 3", "SET extra_float_digits TO 3")]
    [InlineData("SET application_name = 'PostgreSQL JDBC Driver'", "SET application_name TO 'PostgreSQL JDBC Driver'")]
    [InlineData("SET SESSION search_path TO \"$user\", public", "SET search_path TO '$user', 'public'")]
    [InlineData("SET LOCAL statement_timeout = -1", "SET LOCAL statement_timeout TO -1")]
    [InlineData("SET datestyle TO DEFAULT", "SET datestyle TO DEFAULT")]
    [InlineData("SET TIME ZONE 'UTC'", "SET timezone TO 'UTC'")]
    [InlineData("SET TIME ZONE LOCAL", "SET timezone TO DEFAULT")]
    [InlineData("SET NAMES 'UTF8'", "SET client_encoding TO 'UTF8'")]
    [InlineData("SHOW standard_conforming_strings", "SHOW standard_conforming_strings")]
    [InlineData("SHOW ALL", "SHOW all")]
    [InlineData("SHOW TIME ZONE", "SHOW timezone")]
    [InlineData("SHOW TRANSACTION ISOLATION LEVEL", "SHOW transaction_isolation")]
    [InlineData("RESET ALL", "RESET ALL")]
    [InlineData("RESET search_path", "RESET search_path")]
    [InlineData("BEGIN", "BEGIN")]
    [InlineData("BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED", "BEGIN ISOLATION LEVEL READ COMMITTED")]
    [InlineData("BEGIN ISOLATION LEVEL REPEATABLE READ", "BEGIN ISOLATION LEVEL REPEATABLE READ")]
    [InlineData("BEGIN READ ONLY", "BEGIN READ ONLY")]
    [InlineData("START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE", "BEGIN ISOLATION LEVEL SERIALIZABLE READ WRITE")]
    [InlineData("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ UNCOMMITTED", "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED")]
    [InlineData("COMMIT", "COMMIT")]
    [InlineData("END TRANSACTION", "COMMIT")]
    [InlineData("ROLLBACK WORK", "ROLLBACK")]
    [InlineData("ABORT", "ROLLBACK")]
    [InlineData("DISCARD ALL", "DISCARD ALL")]
    [InlineData("DECLARE \"corpus_cur\" CURSOR WITHOUT HOLD FOR SELECT * FROM t", "DECLARE corpus_cur CURSOR FOR SELECT * FROM t")]
    [InlineData("DECLARE c BINARY NO SCROLL CURSOR WITH HOLD FOR SELECT 1", "DECLARE c BINARY NO SCROLL CURSOR WITH HOLD FOR SELECT 1")]
    [InlineData("FETCH FORWARD 4 FROM \"corpus_cur\"", "FETCH FORWARD 4 FROM corpus_cur")]
    [InlineData("FETCH ALL IN c", "FETCH FORWARD ALL FROM c")]
    [InlineData("FETCH NEXT FROM c", "FETCH NEXT FROM c")]
    [InlineData("FETCH 10 c", "FETCH FORWARD 10 FROM c")]
    [InlineData("FETCH c", "FETCH NEXT FROM c")]
    [InlineData("MOVE BACKWARD 2 IN c", "MOVE BACKWARD 2 FROM c")]
    [InlineData("CLOSE c", "CLOSE c")]
    [InlineData("CLOSE ALL", "CLOSE ALL")]
    [InlineData("DEALLOCATE PREPARE s1", "DEALLOCATE s1")]
    [InlineData("DEALLOCATE ALL", "DEALLOCATE ALL")]
    [InlineData("COPY (SELECT * FROM t) TO STDOUT WITH CSV HEADER", "COPY (SELECT * FROM t) TO STDOUT (FORMAT 'csv', HEADER)")]
    [InlineData("COPY t (a, b) TO STDOUT (FORMAT BINARY)", "COPY t (a, b) TO STDOUT (FORMAT 'binary')")]
    [InlineData("COPY t TO STDOUT", "COPY t TO STDOUT")]
    [InlineData("COPY t TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';')", "COPY t TO STDOUT (FORMAT 'csv', HEADER, DELIMITER ';')")]
    [InlineData("COPY trace FROM STDIN (FORMAT pcap)", "COPY trace FROM STDIN (FORMAT 'pcap')")]
    public void Statements(string sql, string expected) => Assert.Equal(expected, Format(sql));

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)", "INSERT")]
    [InlineData("update t set a = 1", "UPDATE")]
    [InlineData("DELETE FROM t WHERE (a = ';')", "DELETE")]
    [InlineData("CREATE INDEX i ON t (a)", "CREATE INDEX")]
    [InlineData("CREATE TABLE t (a int, b text)", "CREATE TABLE")]
    [InlineData("CREATE UNIQUE INDEX i ON t (a)", "CREATE UNIQUE")]
    [InlineData("DROP INDEX i", "DROP INDEX")]
    [InlineData("ALTER TABLE t ADD COLUMN c int", "ALTER TABLE")]
    [InlineData("GRANT SELECT ON t TO u", "GRANT")]
    [InlineData("TRUNCATE t", "TRUNCATE")]
    [InlineData("VACUUM", "VACUUM")]
    [InlineData("COPY t TO '/etc/passwd'", "COPY with a file")]
    public void KnownButUnsupportedCommandsAreNamed(string sql, string command)
    {
        var statement = Assert.IsType<UnsupportedStatement>(SqlParser.ParseStatement(sql));
        Assert.Equal(command, statement.Command);
        Assert.Equal(0, statement.Position);
    }

    [Fact]
    public void ScriptsSplitOnSemicolonsAndSkipEmptyStatements()
    {
        const string sql = ";; SELECT 1; -- c\n ; BEGIN;INSERT INTO t VALUES (';'); COMMIT ;";
        var script = SqlParser.ParseScript(sql);
        Assert.Collection(script,
            s => Assert.IsType<SelectStatement>(s),
            s => Assert.IsType<TransactionStatement>(s),
            s => Assert.IsType<UnsupportedStatement>(s),
            s => Assert.IsType<TransactionStatement>(s));
        Assert.Equal(sql.IndexOf("BEGIN", StringComparison.Ordinal), script[1].Position);
        Assert.Equal(sql.IndexOf("COMMIT", StringComparison.Ordinal), script[3].Position);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(";")]
    [InlineData("-- ping")]
    [InlineData("/* only /* a */ comment */ ;;")]
    public void EmptyAndCommentOnlyInputIsAnEmptyScript(string sql) => Assert.Empty(SqlParser.ParseScript(sql));

    [Fact]
    public void NpgsqlConnectScriptParsesAsFourStatements()
    {
        var script = SqlParser.ParseScript("SELECT version();\nSELECT 1;\nSELECT 2;\nSELECT 3");
        Assert.Equal(4, script.Count);
    }
}
