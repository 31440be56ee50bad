package dev.amelie.compat.transactions;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sixteen pgjdbc clients move money between twenty accounts for a fixed time, mixing the three
 * ways transactions reach Amelie (docs/transactions.md):
 * <ul>
 *   <li>interactive transfers (autocommit off): read both balances, write absolute values
 *       computed from them, commit; retried after 40001 — a lost update would break the sums;</li>
 *   <li>one-message transfers ({@code begin; update … - x; update … + x; commit} in one
 *       Statement.execute): never 40001;</li>
 *   <li>interactive read-only transactions over several statements: whatever commits saw a
 *       total of exactly 20000.</li>
 * </ul>
 * At the end the total is 20000 and every account is 1000 plus the effects of the acknowledged
 * transfers: transfers commute, so that is the serial replay of what committed.
 */
@Timeout(180) // a hang guard; the load itself runs for DURATION
class MixedTransactionsIT {
    private static final int ACCOUNTS = 20;
    private static final long INITIAL = 1000;
    private static final long TOTAL = ACCOUNTS * INITIAL;
    private static final int CLIENTS = 16;
    private static final Duration DURATION = Duration.ofSeconds(15);
    /** Bounds the work per client even if the server is very fast. */
    private static final int MAX_TRANSACTIONS_PER_CLIENT = 20_000;
    private static final int MAX_ATTEMPTS = 50;

    @TempDir
    Path temp;

    /** What one client did; read by the test thread after the client thread has ended. */
    private static final class Client {
        final long[] effects = new long[ACCOUNTS + 1];
        long interactiveCommits;
        long interactiveRetries;
        long interactiveGaveUp;
        long oneMessageCommits;
        long readCommits;
        long readRetries;
        long autocommitReads;
    }

    @Test
    void transfersKeepTheTotalAndEveryBalanceIsTheReplayOfWhatCommitted() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            String url = server.jdbcUrl() + "&socketTimeout=60&connectTimeout=30";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("create table accounts (id int primary key, balance bigint)");
                StringBuilder values = new StringBuilder();
                for (int id = 1; id <= ACCOUNTS; id++) {
                    values.append(id == 1 ? "" : ", ").append('(').append(id).append(", ").append(INITIAL).append(')');
                }
                assertEquals(ACCOUNTS, s.executeUpdate("insert into accounts values " + values));
            }

            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            Map<String, AtomicLong> errorStates = new ConcurrentHashMap<>();
            Client[] clients = new Client[CLIENTS];
            Thread[] threads = new Thread[CLIENTS];
            long deadline = System.nanoTime() + DURATION.toNanos();
            for (int i = 0; i < CLIENTS; i++) {
                Client client = clients[i] = new Client();
                int seed = i;
                threads[i] = Thread.ofPlatform().name("client-" + i).start(() -> {
                    try {
                        run(url, client, new Random(seed), deadline, unexpected, errorStates);
                    } catch (Throwable e) {
                        unexpected.add(Thread.currentThread().getName() + ": " + e);
                    }
                });
            }
            for (Thread thread : threads) {
                thread.join(DURATION.plusSeconds(90).toMillis());
                assertTrue(!thread.isAlive(), thread.getName() + " did not finish");
            }

            Client sum = new Client();
            for (Client client : clients) {
                for (int id = 1; id <= ACCOUNTS; id++) {
                    sum.effects[id] += client.effects[id];
                }
                sum.interactiveCommits += client.interactiveCommits;
                sum.interactiveRetries += client.interactiveRetries;
                sum.interactiveGaveUp += client.interactiveGaveUp;
                sum.oneMessageCommits += client.oneMessageCommits;
                sum.readCommits += client.readCommits;
                sum.readRetries += client.readRetries;
                sum.autocommitReads += client.autocommitReads;
            }
            String summary = "interactive commits=" + sum.interactiveCommits + " retries=" + sum.interactiveRetries
                    + " gave up=" + sum.interactiveGaveUp + ", one-message commits=" + sum.oneMessageCommits
                    + ", read commits=" + sum.readCommits + " retries=" + sum.readRetries
                    + ", autocommit reads=" + sum.autocommitReads + ", error states=" + errorStates;
            System.out.println("MixedTransactionsIT: " + summary);

            assertTrue(unexpected.isEmpty(), () -> unexpected.size() + " unexpected outcome(s), first: " + unexpected.peek()
                    + "\n" + summary + "\nserver log (tail):\n" + logTail(server));
            assertTrue(errorStates.keySet().stream().allMatch("40001"::equals),
                    "the only errors are serialization failures: " + summary);
            assertTrue(sum.interactiveCommits > 0, summary);
            assertTrue(sum.oneMessageCommits > 0, summary);
            assertTrue(sum.readCommits > 0, summary);
            assertTrue(sum.autocommitReads > 0, summary);

            Map<Integer, Long> expected = new TreeMap<>();
            for (int id = 1; id <= ACCOUNTS; id++) {
                expected.put(id, INITIAL + sum.effects[id]);
            }
            Map<Integer, Long> actual = new TreeMap<>();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select id, balance from accounts order by id")) {
                    while (rs.next()) {
                        actual.put(rs.getInt(1), rs.getLong(2));
                    }
                }
                try (ResultSet rs = s.executeQuery("select sum(balance) from accounts")) {
                    assertTrue(rs.next());
                    assertEquals(TOTAL, rs.getLong(1), "total");
                }
            }
            assertEquals(expected, actual, "every balance is 1000 plus the acknowledged transfers' effects: " + summary);
        }
    }

    private static void run(String url, Client client, Random random, long deadline,
                            ConcurrentLinkedQueue<String> unexpected, Map<String, AtomicLong> errorStates) throws SQLException {
        try (Connection interactive = DriverManager.getConnection(url);
             Connection autocommit = DriverManager.getConnection(url);
             PreparedStatement read = interactive.prepareStatement("select balance from accounts where id = ?");
             PreparedStatement write = interactive.prepareStatement("update accounts set balance = ? where id = ?");
             Statement interactiveStatement = interactive.createStatement();
             Statement oneMessage = autocommit.createStatement()) {
            interactive.setAutoCommit(false);
            for (int n = 0; n < MAX_TRANSACTIONS_PER_CLIENT && System.nanoTime() < deadline; n++) {
                int kind = random.nextInt(10);
                int from = 1 + random.nextInt(ACCOUNTS);
                int to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS; // != from
                long amount = 1 + random.nextInt(50);
                if (kind < 4) {
                    interactiveTransfer(interactive, read, write, client, from, to, amount, unexpected, errorStates);
                } else if (kind < 8) {
                    try {
                        oneMessage.execute("begin; update accounts set balance = balance - " + amount + " where id = " + from
                                + "; update accounts set balance = balance + " + amount + " where id = " + to + "; commit");
                        client.effects[from] -= amount;
                        client.effects[to] += amount;
                        client.oneMessageCommits++;
                    } catch (SQLException e) {
                        count(errorStates, e);
                        unexpected.add("one-message transfer failed: " + e.getSQLState() + " " + e.getMessage());
                        return;
                    }
                } else if (kind < 9) {
                    readAll(interactive, interactiveStatement, client, unexpected, errorStates);
                } else {
                    try (ResultSet rs = oneMessage.executeQuery("select sum(balance), count(*) from accounts")) {
                        rs.next();
                        if (rs.getLong(1) != TOTAL || rs.getLong(2) != ACCOUNTS) {
                            unexpected.add("autocommit read saw total " + rs.getLong(1) + " over " + rs.getLong(2) + " accounts");
                        }
                        client.autocommitReads++;
                    } catch (SQLException e) {
                        count(errorStates, e);
                        unexpected.add("autocommit read failed: " + e.getSQLState() + " " + e.getMessage());
                        return;
                    }
                }
                if (!unexpected.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** Read both balances, write absolute values from them, commit; retried on 40001. */
    private static void interactiveTransfer(Connection c, PreparedStatement read, PreparedStatement write, Client client,
                                            int from, int to, long amount, ConcurrentLinkedQueue<String> unexpected,
                                            Map<String, AtomicLong> errorStates) throws SQLException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                long fromBalance = balance(read, from);
                long toBalance = balance(read, to);
                write.setLong(1, fromBalance - amount);
                write.setInt(2, from);
                if (write.executeUpdate() != 1) {
                    unexpected.add("update of account " + from + " changed no row");
                }
                write.setLong(1, toBalance + amount);
                write.setInt(2, to);
                if (write.executeUpdate() != 1) {
                    unexpected.add("update of account " + to + " changed no row");
                }
                c.commit();
                client.effects[from] -= amount;
                client.effects[to] += amount;
                client.interactiveCommits++;
                return;
            } catch (SQLException e) {
                count(errorStates, e);
                c.rollback();
                if (!"40001".equals(e.getSQLState())) {
                    unexpected.add("interactive transfer failed: " + e.getSQLState() + " " + e.getMessage());
                    return;
                }
                client.interactiveRetries++;
            }
        }
        client.interactiveGaveUp++;
    }

    /**
     * A read-only transaction of two statements (one half of the accounts summed by the server,
     * the other half read row by row); when it commits, the two add up to the total.
     */
    private static void readAll(Connection c, Statement s, Client client, ConcurrentLinkedQueue<String> unexpected,
                                Map<String, AtomicLong> errorStates) throws SQLException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                long low;
                try (ResultSet rs = s.executeQuery("select sum(balance) from accounts where id <= " + ACCOUNTS / 2)) {
                    rs.next();
                    low = rs.getLong(1);
                }
                long high = 0;
                int rows = 0;
                try (ResultSet rs = s.executeQuery("select id, balance from accounts where id > " + ACCOUNTS / 2)) {
                    while (rs.next()) {
                        high += rs.getLong(2);
                        rows++;
                    }
                }
                c.commit();
                if (low + high != TOTAL || rows != ACCOUNTS - ACCOUNTS / 2) {
                    unexpected.add("committed read saw " + low + " + " + high + " over " + rows + " rows");
                }
                client.readCommits++;
                return;
            } catch (SQLException e) {
                count(errorStates, e);
                c.rollback();
                if (!"40001".equals(e.getSQLState())) {
                    unexpected.add("read-only transaction failed: " + e.getSQLState() + " " + e.getMessage());
                    return;
                }
                client.readRetries++;
            }
        }
    }

    private static String logTail(ServerProcess server) {
        try {
            String log = java.nio.file.Files.readString(server.log());
            return log.substring(Math.max(0, log.length() - 6000));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static long balance(PreparedStatement read, int id) throws SQLException {
        read.setInt(1, id);
        try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("account " + id + " is missing");
            }
            return rs.getLong(1);
        }
    }

    private static void count(Map<String, AtomicLong> errorStates, SQLException e) {
        errorStates.computeIfAbsent(String.valueOf(e.getSQLState()), k -> new AtomicLong()).incrementAndGet();
    }
}
