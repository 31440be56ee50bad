package dev.amelie.compat.jdbc;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Advisory locks between sessions, as PostgreSQL 15 keeps them: a session-level lock holds until
 * unlocked (as often as taken) or until its session ends, a transaction-level one until the
 * transaction ends, shared holds exclude only exclusive ones, and a waiting pg_advisory_lock
 * goes on once the holder lets go. Inside a transaction block a lock call acts once, however
 * often the block's statements run again.
 */
@Timeout(60)
class AdvisoryLocksIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static boolean bool(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getBoolean(1);
        }
    }

    @Test
    void aSessionLockExcludesOtherSessionsUntilUnlockedAsOftenAsTaken() throws Exception {
        try (Connection a = connect(); Connection b = connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            assertTrue(bool(sa, "select pg_try_advisory_lock(101)"));
            assertTrue(bool(sa, "select pg_try_advisory_lock(101)"));
            assertFalse(bool(sb, "select pg_try_advisory_lock(101)"));
            assertTrue(bool(sa, "select pg_advisory_unlock(101)"));
            assertFalse(bool(sb, "select pg_try_advisory_lock(101)"));
            assertTrue(bool(sa, "select pg_advisory_unlock(101)"));
            assertFalse(bool(sa, "select pg_advisory_unlock(101)"));
            assertTrue(bool(sb, "select pg_try_advisory_lock(101)"));
            // Two int keys are a key space of their own.
            assertTrue(bool(sa, "select pg_try_advisory_lock(0, 101)"));
        }
    }

    @Test
    void aSessionsLocksGoWhenItEnds() throws Exception {
        try (Connection b = connect(); Statement sb = b.createStatement()) {
            try (Connection a = connect(); Statement sa = a.createStatement()) {
                assertTrue(bool(sa, "select pg_try_advisory_lock(102)"));
                assertFalse(bool(sb, "select pg_try_advisory_lock(102)"));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean taken = false;
            while (!taken && System.nanoTime() < deadline) { // the server sees the close a moment later
                taken = bool(sb, "select pg_try_advisory_lock(102)");
            }
            assertTrue(taken);
        }
    }

    @Test
    void aTransactionLockHoldsUntilCommit() throws Exception {
        try (Connection a = connect(); Connection b = connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            a.setAutoCommit(false);
            assertTrue(bool(sa, "select pg_try_advisory_xact_lock(103)"));
            sa.executeQuery("select 1").close();
            assertFalse(bool(sb, "select pg_try_advisory_lock(103)"));
            a.commit();
            assertTrue(bool(sb, "select pg_try_advisory_lock(103)"));
        }
    }

    @Test
    void sharedHoldsExcludeOnlyExclusiveOnes() throws Exception {
        try (Connection a = connect(); Connection b = connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            assertTrue(bool(sa, "select pg_try_advisory_lock_shared(104)"));
            assertTrue(bool(sb, "select pg_try_advisory_lock_shared(104)"));
            assertFalse(bool(sb, "select pg_try_advisory_lock(104)"));
            assertTrue(bool(sa, "select pg_advisory_unlock_shared(104)"));
            assertTrue(bool(sb, "select pg_try_advisory_lock(104)"));
        }
    }

    @Test
    void aWaitingLockGoesOnOnceTheHolderUnlocks() throws Exception {
        try (Connection a = connect(); Connection b = connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            assertTrue(bool(sa, "select pg_try_advisory_lock(105)"));
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    sb.execute("select pg_advisory_lock(105)");
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(300); // only to give the waiter a chance to finish wrongly early
            assertFalse(waiting.isDone());
            assertTrue(bool(sa, "select pg_advisory_unlock(105)"));
            waiting.get(10, TimeUnit.SECONDS);
            assertFalse(bool(sa, "select pg_try_advisory_lock(105)"));
        }
    }

    @Test
    void aLockTakenInABlockIsTakenOnceThoughTheBlockRunsAgain() throws Exception {
        try (Connection a = connect(); Connection b = connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("create table lock_replay (id int primary key)");
            a.setAutoCommit(false);
            assertTrue(bool(sa, "select pg_try_advisory_lock(106)"));
            // Each later statement, and the COMMIT, runs the block's statements again.
            sa.execute("insert into lock_replay values (1)");
            sa.executeQuery("select count(*) from lock_replay").close();
            a.commit();
            a.setAutoCommit(true);
            assertTrue(bool(sa, "select pg_advisory_unlock(106)"));
            assertTrue(bool(sb, "select pg_try_advisory_lock(106)"));
        }
    }

    @Test
    void rollbackToASavepointNeitherTakesALockAgainNorForgetsASessionLock() throws Exception {
        try (Connection a = connect(); Statement sa = a.createStatement()) {
            a.setAutoCommit(false);
            assertTrue(bool(sa, "select pg_try_advisory_lock(107)"));
            sa.execute("savepoint s");
            assertTrue(bool(sa, "select pg_try_advisory_lock(108)"));
            sa.execute("rollback to savepoint s");
            assertTrue(bool(sa, "select pg_try_advisory_lock(109)"));
            a.commit();
            a.setAutoCommit(true);
            // Taken once each; a session lock stays through the rollback of its savepoint, as in PostgreSQL.
            assertTrue(bool(sa, "select pg_advisory_unlock(107)"));
            assertFalse(bool(sa, "select pg_advisory_unlock(107)"));
            assertTrue(bool(sa, "select pg_advisory_unlock(108)"));
            assertTrue(bool(sa, "select pg_advisory_unlock(109)"));
            assertFalse(bool(sa, "select pg_advisory_unlock(109)"));
        }
    }
}
