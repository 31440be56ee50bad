package dev.amelie.compat.explain;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EXPLAIN shows where a statement runs and how it finds its rows (primary key, index, scan,
 * source programs, system views), then its program; EXPLAIN ANALYZE also runs it, as PostgreSQL.
 */
class ExplainIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    @Test
    void explainSaysWhereAndHowAndAnalyzeRunsTheStatement() throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("create table explain_t (id int primary key, email text, n int)");
            s.execute("create index explain_t_email on explain_t (email)");
            s.execute("insert into explain_t values (1, 'a@x', 1), (2, 'b@x', 2)");

            String byKey = plan(s, "explain select n from explain_t where id = 1");
            assertTrue(byKey.startsWith("Select on explain_t: on the compute node owning the key\n"), byKey);
            assertTrue(byKey.contains("Primary key lookup") && byKey.contains("routing=BY_KEY"), byKey);
            String byIndex = plan(s, "explain select id from explain_t where email = 'b@x'");
            assertTrue(byIndex.contains("on every compute node") && byIndex.contains("Index lookup: explain_t_email"), byIndex);
            String scan = plan(s, "explain select count(*) from explain_t where n > 0");
            assertTrue(scan.contains("  Scan\n") && scan.contains("then on the host: merge"), scan);
            String hashJoin = plan(s, "explain select a.id from explain_t a join explain_t b on a.n = b.n");
            assertTrue(hashJoin.contains("on the host, over 2 source program(s)") && hashJoin.contains("Source 1:")
                    && hashJoin.contains("HASH_PROBE"), hashJoin);
            String lookupJoin = plan(s, "explain select a.id from explain_t a join explain_t b on a.id = b.n");
            assertTrue(lookupJoin.contains("Select on explain_t: on every compute node")
                    && lookupJoin.contains("Nested loop join: each row of source 0 looked up by primary key"), lookupJoin);
            String byIndexJoin = plan(s, "explain select a.id, b.n from explain_t a join explain_t b on b.email = a.email where a.id = 1");
            assertTrue(byIndexJoin.contains("Nested loop join: each row of source 0 looked up in index explain_t_email")
                    && byIndexJoin.contains("Primary key lookup"), byIndexJoin);
            s.execute("create table explain_twin (id int primary key, m int)");
            String perPartition = plan(s, "explain select a.email, t.m from explain_t a join explain_twin t on t.id = a.id");
            assertTrue(perPartition.contains("Select on explain_t: on every compute node")
                    && perPartition.contains("Scan, joined per partition with explain_twin"), perPartition);
            String topN = plan(s, "explain select id from explain_t order by n desc limit 3 offset 1");
            assertTrue(topN.contains("Scan, each node sending its first OFFSET + LIMIT rows"), topN);
            String view = plan(s, "explain select pid from pg_stat_activity");
            assertTrue(view.contains("Select on pg_stat_activity: on the host (a system view"), view);
            String insert = plan(s, "explain insert into explain_t values (3, 'c@x', 3)");
            assertTrue(insert.startsWith("Insert into explain_t: on the compute nodes owning the rows' keys"), insert);
            assertEquals(2, count(s), "EXPLAIN alone runs nothing");

            String analyzed = plan(s, "explain analyze insert into explain_t values (3, 'c@x', 3)");
            assertTrue(analyzed.contains("Rows: 1\nExecution Time: "), analyzed);
            assertEquals(3, count(s), "EXPLAIN ANALYZE runs the statement, as in PostgreSQL");
            try (PreparedStatement p = c.prepareStatement("explain select n from explain_t where id = ?")) {
                p.setInt(1, 2);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("QUERY PLAN", rs.getMetaData().getColumnLabel(1));
                }
            }
            SQLException notAQuery = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeQuery("explain create table explain_u (a int)"));
            assertEquals("42601", notAQuery.getSQLState());
        }
    }

    private static String plan(Statement s, String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                text.append(rs.getString(1)).append('\n');
            }
        }
        return text.toString();
    }

    private static long count(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from explain_t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
