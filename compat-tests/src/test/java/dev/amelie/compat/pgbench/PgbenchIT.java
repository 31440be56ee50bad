package dev.amelie.compat.pgbench;

import dev.amelie.compat.server.Pgbench;
import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real pgbench, unchanged: {@code pgbench -i} (DROP, CREATE … WITH (fillfactor), TRUNCATE and
 * COPY in a transaction block, VACUUM, ALTER TABLE ADD PRIMARY KEY), then its built-in TPC-B
 * transactions (interactive: BEGIN, three UPDATEs, a SELECT, an INSERT with CURRENT_TIMESTAMP,
 * END) from four clients in each query mode: simple, extended and prepared. A fixed number of
 * transactions, not a duration: this checks that everything commits and the books balance,
 * never how fast (bench/ does that).
 */
@Timeout(180) // a hang guard
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgbenchIT {
    private static final int CLIENTS = 4;
    private static final int TRANSACTIONS_PER_CLIENT = 50;

    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    @Test
    @Order(1)
    void initializeLoadsTheStandardTables() throws Exception {
        String output = pgbench("-i", "-s", "1");
        assertTrue(output.contains("done in"), output);
        assertEquals(100_000, count("select count(*) from pgbench_accounts"));
        assertEquals(10, count("select count(*) from pgbench_tellers"));
        assertEquals(1, count("select count(*) from pgbench_branches"));
    }

    @ParameterizedTest
    @Order(2)
    @ValueSource(strings = {"simple", "extended", "prepared"})
    void tpcbTransactionsAllCommitAndTheBooksBalance(String mode) throws Exception {
        long[] before = balances();
        String output = pgbench("-M", mode, "-c", String.valueOf(CLIENTS), "-j", "2",
                "-t", String.valueOf(TRANSACTIONS_PER_CLIENT));
        int total = CLIENTS * TRANSACTIONS_PER_CLIENT;
        assertEquals(total + "/" + total, find(output, "number of transactions actually processed: (\\S+)"), output);
        assertEquals("0", find(output, "number of failed transactions: (\\d+)"), output);

        // pgbench empties pgbench_history before it starts: what is there now is this run's.
        assertEquals(total, count("select count(*) from pgbench_history"));
        assertEquals(0, count("select count(*) from pgbench_history where mtime is null"));
        long deltas = count("select sum(delta) from pgbench_history");
        long[] after = balances();
        for (int i = 0; i < after.length; i++) {
            assertEquals(before[i] + deltas, after[i], "accounts, tellers, branches: " + i);
        }
    }

    private static long[] balances() throws Exception {
        return new long[] {count("select sum(abalance) from pgbench_accounts"),
                count("select sum(tbalance) from pgbench_tellers"), count("select sum(bbalance) from pgbench_branches")};
    }

    private static String pgbench(String... arguments) throws IOException, InterruptedException {
        return Pgbench.run(server.port(), arguments);
    }

    private static String find(String output, String regex) {
        return Pgbench.find(output, regex);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
