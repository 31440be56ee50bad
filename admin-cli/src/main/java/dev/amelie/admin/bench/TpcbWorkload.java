package dev.amelie.admin.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * pgbench's TPC-B-like transaction on pgbench's tables (made and loaded here at {@code scale}
 * when missing, else used as they are). Interactive: the same seven round trips as pgbench
 * {@code -M prepared}. Batched: {@code batch} whole transactions in one message, the shape the
 * engine is built for (Amelie's own bench sends them so).
 */
final class TpcbWorkload implements Workload {
    private static final int ACCOUNTS_PER_BRANCH = 100_000;
    private static final int TELLERS_PER_BRANCH = 10;

    private final int scale;
    private final boolean batched;
    private final int batch;
    private int branches;

    TpcbWorkload(int scale, boolean batched, int batch) {
        this.scale = scale;
        this.batched = batched;
        this.batch = batch;
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from pgbench_branches")) {
                rs.next();
                branches = rs.getInt(1);
                return;
            } catch (SQLException e) {
                if (!"42P01".equals(e.getSQLState())) {
                    throw e;
                }
            }
            s.execute("create table pgbench_branches (bid int primary key, bbalance int, filler char(88))");
            s.execute("create table pgbench_tellers (tid int primary key, bid int, tbalance int, filler char(84))");
            s.execute("create table pgbench_accounts (aid int primary key, bid int, abalance int, filler char(84))");
            s.execute("create table pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))");
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
            copy.copyIn("copy pgbench_branches from stdin", new StringReader(rows(scale, i -> i + "\t0\t")));
            copy.copyIn("copy pgbench_tellers from stdin",
                    new StringReader(rows(scale * TELLERS_PER_BRANCH, i -> i + "\t" + ((i - 1) / TELLERS_PER_BRANCH + 1) + "\t0\t")));
            for (int branch = 0; branch < scale; branch++) {
                int first = branch * ACCOUNTS_PER_BRANCH;
                int bid = branch + 1;
                copy.copyIn("copy pgbench_accounts from stdin",
                        new StringReader(rows(ACCOUNTS_PER_BRANCH, i -> (first + i) + "\t" + bid + "\t0\t")));
            }
        } catch (IOException e) {
            throw new SQLException("loading the pgbench tables failed", e);
        }
        branches = scale;
    }

    private static String rows(int count, java.util.function.IntFunction<String> row) {
        StringBuilder text = new StringBuilder(count * 16);
        for (int i = 1; i <= count; i++) {
            text.append(row.apply(i)).append('\n');
        }
        return text.toString();
    }

    @Override
    public Client client(Connection connection, int clientId) throws SQLException {
        return batched ? new Batched(connection) : new Interactive(connection);
    }

    private record Transaction(int aid, int bid, int tid, int delta) {}

    private Transaction next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Transaction(random.nextInt(branches * ACCOUNTS_PER_BRANCH) + 1, random.nextInt(branches) + 1,
                random.nextInt(branches * TELLERS_PER_BRANCH) + 1, random.nextInt(-5000, 5001));
    }

    /** pgbench's script, one statement per round trip, in an explicit transaction. */
    private final class Interactive implements Client {
        private final Connection connection;
        private final PreparedStatement updateAccount;
        private final PreparedStatement selectBalance;
        private final PreparedStatement updateTeller;
        private final PreparedStatement updateBranch;
        private final PreparedStatement insertHistory;

        Interactive(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            updateAccount = connection.prepareStatement("UPDATE pgbench_accounts SET abalance = abalance + ? WHERE aid = ?");
            selectBalance = connection.prepareStatement("SELECT abalance FROM pgbench_accounts WHERE aid = ?");
            updateTeller = connection.prepareStatement("UPDATE pgbench_tellers SET tbalance = tbalance + ? WHERE tid = ?");
            updateBranch = connection.prepareStatement("UPDATE pgbench_branches SET bbalance = bbalance + ? WHERE bid = ?");
            insertHistory = connection.prepareStatement(
                    "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)");
        }

        @Override
        public int runOnce() throws SQLException {
            Transaction t = next();
            try {
                updateAccount.setInt(1, t.delta());
                updateAccount.setInt(2, t.aid());
                updateAccount.executeUpdate();
                selectBalance.setInt(1, t.aid());
                try (ResultSet rs = selectBalance.executeQuery()) {
                    rs.next();
                }
                updateTeller.setInt(1, t.delta());
                updateTeller.setInt(2, t.tid());
                updateTeller.executeUpdate();
                updateBranch.setInt(1, t.delta());
                updateBranch.setInt(2, t.bid());
                updateBranch.executeUpdate();
                insertHistory.setInt(1, t.tid());
                insertHistory.setInt(2, t.bid());
                insertHistory.setInt(3, t.aid());
                insertHistory.setInt(4, t.delta());
                insertHistory.executeUpdate();
                connection.commit();
                return 1;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** {@code batch} transactions as one simple-protocol message, each BEGIN … COMMIT. */
    private final class Batched implements Client {
        private final Statement statement;

        Batched(Connection connection) throws SQLException {
            this.statement = connection.createStatement();
        }

        @Override
        public int runOnce() throws SQLException {
            StringBuilder message = new StringBuilder(batch * 400);
            for (int i = 0; i < batch; i++) {
                Transaction t = next();
                message.append("BEGIN;")
                        .append("UPDATE pgbench_accounts SET abalance = abalance + ").append(t.delta()).append(" WHERE aid = ").append(t.aid()).append(';')
                        .append("SELECT abalance FROM pgbench_accounts WHERE aid = ").append(t.aid()).append(';')
                        .append("UPDATE pgbench_tellers SET tbalance = tbalance + ").append(t.delta()).append(" WHERE tid = ").append(t.tid()).append(';')
                        .append("UPDATE pgbench_branches SET bbalance = bbalance + ").append(t.delta()).append(" WHERE bid = ").append(t.bid()).append(';')
                        .append("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (")
                        .append(t.tid()).append(", ").append(t.bid()).append(", ").append(t.aid()).append(", ").append(t.delta())
                        .append(", CURRENT_TIMESTAMP);")
                        .append("COMMIT;");
            }
            statement.execute(message.toString());
            return batch;
        }
    }
}
