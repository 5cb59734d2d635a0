// pgJDBC 42.5 (Debian libpostgresql-jdbc-java) against a VND server, run by tests/Vnd.Engine.Tests as
//   java -cp /usr/share/java/postgresql.jar JdbcClient.java <host> <port> <user> <password> <table>
// It exercises what BI tools do over JDBC: DatabaseMetaData, a PreparedStatement executed often enough to
// switch to server-prepared binary mode (prepareThreshold 5), and a fetchSize cursor. It prints one
// "key=value" line per observation; the test asserts on them. Any exception exits non-zero with its SQLSTATE,
// except for the metadata calls a server may not support yet, which print "ERROR <SQLSTATE>" instead.
import java.sql.*;
import java.util.*;

public class JdbcClient {
    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/" + args[2] + "?sslmode=disable";
        String table = args[4];
        Properties props = new Properties();
        props.setProperty("user", args[2]);
        props.setProperty("password", args[3]);
        try (Connection c = DriverManager.getConnection(url, props)) {
            DatabaseMetaData md = c.getMetaData();
            System.out.println("product=" + md.getDatabaseProductName() + " " + md.getDatabaseMajorVersion());
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) schemas.add(rs.getString("TABLE_SCHEM"));
                System.out.println("schemas=" + String.join(",", schemas));
            } catch (SQLException e) {
                System.out.println("schemas=ERROR " + e.getSQLState());
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
            }
            System.out.println("tables=" + String.join(",", tables));
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, null, table, "%")) {
                while (rs.next()) columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME"));
            }
            System.out.println("columns=" + String.join(",", columns));
            int keys = 0;
            try (ResultSet rs = md.getPrimaryKeys(null, null, table)) {
                while (rs.next()) keys++;
                System.out.println("primarykeys=" + keys);
            } catch (SQLException e) {
                System.out.println("primarykeys=ERROR " + e.getSQLState());
            }
            int types = 0;
            try (ResultSet rs = md.getTypeInfo()) { while (rs.next()) types++; }
            System.out.println("typeinfo=" + (types > 0));

            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*), sum(payload_length) FROM " + table + " WHERE dst_port = ? AND payload_length >= ?")) {
                for (int i = 0; i < 7; i++) {
                    ps.setInt(1, 80);
                    ps.setInt(2, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        System.out.println("prepared" + i + "=" + rs.getLong(1) + "," + rs.getLong(2));
                    }
                }
            }

            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(100);
                long rows = 0, seqSum = 0;
                String lastTs = null;
                try (ResultSet rs = s.executeQuery("SELECT ts, src_ip, seq FROM " + table + " ORDER BY ts, seq")) {
                    while (rs.next()) {
                        rows++;
                        seqSum += rs.getLong(3);
                        lastTs = rs.getString(1);
                    }
                }
                System.out.println("fetched=" + rows + "," + seqSum);
                System.out.println("lastts=" + lastTs);
            }
            c.commit();
            // pgJDBC resolves base table and column names (and nullability) from RowDescription's table OID and
            // attribute number with one pg_catalog query; computed columns have neither.
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT src_ip AS source, seq + 1 AS next FROM " + table + " LIMIT 1")) {
                ResultSetMetaData m = rs.getMetaData();
                org.postgresql.PGResultSetMetaData pg = (org.postgresql.PGResultSetMetaData) m;
                System.out.println("basecolumns=" + pg.getBaseTableName(1) + "." + pg.getBaseColumnName(1) + "," + pg.getBaseSchemaName(1)
                    + "," + m.isNullable(1) + "," + m.getColumnLabel(1) + "," + m.getTableName(1)
                    + "|" + pg.getBaseTableName(2) + "." + pg.getBaseColumnName(2) + "," + m.isNullable(2) + "," + m.getColumnLabel(2));
            }
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1/0");
            } catch (SQLException e) {
                System.out.println("error=" + e.getSQLState());
                c.rollback();
            }
        }
    }
}
