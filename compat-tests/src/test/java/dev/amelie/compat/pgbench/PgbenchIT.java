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
import org.junit.jupiter.params.provider.CsvSource;
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
 * never how fast (bench/ does that). Then every built-in script in every mode with retries, a
 * hundred clients, the transaction as one message, and server-side generation.
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

    /**
     * Every built-in script in every query mode, from eight clients with {@code --max-tries=10}:
     * nothing fails (a 40001 that a retry cures is reported as retried, as pgbench 15 does with
     * PostgreSQL), and the scripts that write leave the books balanced.
     */
    @ParameterizedTest
    @Order(3)
    @CsvSource({"tpcb-like,simple", "tpcb-like,extended", "tpcb-like,prepared", "simple-update,simple",
            "simple-update,extended", "simple-update,prepared", "select-only,simple", "select-only,extended",
            "select-only,prepared"})
    void builtInScriptsRunInEveryModeWithRetries(String script, String mode) throws Exception {
        long[] before = balances();
        String output = pgbench("-b", script, "-M", mode, "--max-tries=10", "-c", "8", "-j", "2", "-t", "25");
        assertEquals("200/200", find(output, "number of transactions actually processed: (\\S+)"), output);
        assertEquals("0", find(output, "number of failed transactions: (\\d+)"), output);
        long deltas = count("select coalesce(sum(delta), 0) from pgbench_history");
        long[] after = balances();
        assertEquals(before[0] + deltas, after[0], "accounts");
        if (!script.equals("simple-update")) { // simple-update leaves tellers and branches alone
            assertEquals(before[1] + deltas, after[1], "tellers");
            assertEquals(before[2] + deltas, after[2], "branches");
        }
    }

    @Test
    @Order(4)
    void aHundredClients() throws Exception {
        String output = pgbench("-b", "tpcb-like", "-M", "prepared", "--max-tries=10", "-c", "100", "-j", "2", "-t", "5");
        assertEquals("500/500", find(output, "number of transactions actually processed: (\\S+)"), output);
        assertEquals("0", find(output, "number of failed transactions: (\\d+)"), output);
    }

    /** The TPC-B transaction as one message (statements joined with \;): one round trip each. */
    @Test
    @Order(5)
    void tpcbAsOneMessage() throws Exception {
        java.nio.file.Path script = java.nio.file.Files.createTempFile("tpcb-message", ".sql");
        try {
            java.nio.file.Files.writeString(script, """
                    \\set aid random(1, 100000 * :scale)
                    \\set bid random(1, 1 * :scale)
                    \\set tid random(1, 10 * :scale)
                    \\set delta random(-5000, 5000)
                    BEGIN \\; UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid \\; SELECT abalance FROM pgbench_accounts WHERE aid = :aid \\; UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid \\; UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid \\; INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP) \\; END;
                    """);
            long[] before = balances();
            long historyBefore = count("select count(*) from pgbench_history");
            long deltasBefore = count("select coalesce(sum(delta), 0) from pgbench_history");
            String output = pgbench("-n", "-f", script.toString(), "-M", "simple", "-c", "8", "-j", "2", "-t", "25");
            assertEquals("200/200", find(output, "number of transactions actually processed: (\\S+)"), output);
            assertEquals("0", find(output, "number of failed transactions: (\\d+)"), output);
            assertEquals(historyBefore + 200, count("select count(*) from pgbench_history"));
            long deltas = count("select coalesce(sum(delta), 0) from pgbench_history") - deltasBefore;
            long[] after = balances();
            for (int i = 0; i < after.length; i++) {
                assertEquals(before[i] + deltas, after[i], "accounts, tellers, branches: " + i);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(script);
        }
    }

    /** Server-side generation (-I dtGvp): INSERT … SELECT … FROM generate_series on the server. */
    @Test
    @Order(6)
    void initializeWithServerSideGeneration() throws Exception {
        String output = pgbench("-i", "-I", "dtGvp", "-s", "2");
        assertTrue(output.contains("server-side generate"), output);
        assertEquals(200_000, count("select count(*) from pgbench_accounts"));
        assertEquals(20, count("select count(*) from pgbench_tellers"));
        assertEquals(2, count("select count(*) from pgbench_branches"));
        assertEquals(0, count("select count(*) from pgbench_history"));
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
