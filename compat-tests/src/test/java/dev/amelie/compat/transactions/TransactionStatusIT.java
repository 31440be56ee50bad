package dev.amelie.compat.transactions;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Transaction status as clients see it: a failed block answers 25P02 until ROLLBACK, COMMIT of a
 * failed block answers ROLLBACK, savepoints (SQL and pgjdbc's API, including
 * {@code autosave=always}), one-message transactions, 40001 instead of a lost update, and a
 * client that goes away mid-transaction leaves nothing behind.
 *
 * <p>Expected behaviour is PostgreSQL 15's: with {@code -Dtransactions.compare.port=N} the same
 * tests run against a PostgreSQL server on 127.0.0.1:N (user and database {@code amelie}) instead
 * of starting Amelie; the psql expectations below are what psql 15.18 printed there.
 */
@Timeout(60)
class TransactionStatusIT {
    private static final String COMPARE_PORT = System.getProperty("transactions.compare.port");

    @TempDir
    static Path temp;

    static ServerProcess server;
    static int port;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        if (COMPARE_PORT != null) {
            port = Integer.parseInt(COMPARE_PORT);
            url = "jdbc:postgresql://127.0.0.1:" + port + "/amelie?user=amelie";
            return;
        }
        server = ServerProcess.start(temp.resolve("data"), 2);
        port = server.port();
        url = server.jdbcUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static boolean isAmelie() {
        return server != null;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** A fresh {@code (id int primary key, note text)} table. */
    private static void createTable(String name) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + name);
            s.execute("create table " + name + " (id int primary key, note text)");
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getString(2));
            }
            return rows;
        }
    }

    private static String state(SQLException e) {
        return e.getSQLState();
    }

    // ---- psql ------------------------------------------------------------------------------

    /**
     * psql sends each statement as its own message ({@code \;} joins statements into one
     * message): errors in a block, 25P02, ROLLBACK and COMMIT of a failed block, savepoints and their errors, one-message transactions.
     */
    @Test
    void psqlSessionPrintsWhatPostgresPrints() throws Exception {
        createTable("ts_psql");
        String[] output = psql(PSQL_SCRIPT);
        assertEquals(PSQL_STDOUT, output[0]);
        assertEquals(PSQL_STDERR, output[1]);
    }

    private static final String PSQL_SCRIPT = """
            insert into ts_psql values (1, 'before');
            begin;
            select 1 as one;
            insert into ts_psql values (2, 'in block');
            insert into ts_psql values (1, 'duplicate');
            \\echo :SQLSTATE
            select 1 as one;
            \\echo :SQLSTATE
            commit;
            select id, note from ts_psql order by id;
            begin;
            update ts_psql set note = 'changed' where id = 1;
            select 1 / 0;
            select 1 as one;
            \\echo :SQLSTATE
            rollback;
            select id, note from ts_psql order by id;
            begin;
            insert into ts_psql values (3, 'three');
            savepoint s1;
            insert into ts_psql values (4, 'four');
            insert into ts_psql values (3, 'again');
            \\echo :SQLSTATE
            select 1 as one;
            \\echo :SQLSTATE
            rollback to savepoint s1;
            insert into ts_psql values (5, 'five');
            savepoint s2;
            release savepoint s2;
            rollback to savepoint s2;
            \\echo :SQLSTATE
            rollback;
            savepoint outside;
            \\echo :SQLSTATE
            begin;
            insert into ts_psql values (6, 'six');
            savepoint a;
            insert into ts_psql values (7, 'seven');
            release savepoint a;
            commit;
            select id, note from ts_psql order by id;
            insert into ts_psql values (8, 'eight')\\; insert into ts_psql values (8, 'eight again');
            \\echo :SQLSTATE
            select count(*) from ts_psql where id = 8;
            begin\\; insert into ts_psql values (9, 'nine')\\; insert into ts_psql values (10, 'ten')\\; commit;
            insert into ts_psql values (11, 'eleven')\\; select 1 / 0;
            \\echo :SQLSTATE
            begin\\; insert into ts_psql values (12, 'twelve')\\; select 1 / 0\\; commit;
            \\echo :SQLSTATE
            rollback;
            select id, note from ts_psql where id >= 8 order by id;
            """;

    private static final String PSQL_STDOUT = """
            INSERT 0 1
            BEGIN
             one\s
            -----
               1
            (1 row)

            INSERT 0 1
            23505
            25P02
            ROLLBACK
             id |  note \s
            ----+--------
              1 | before
            (1 row)

            BEGIN
            UPDATE 1
            25P02
            ROLLBACK
             id |  note \s
            ----+--------
              1 | before
            (1 row)

            BEGIN
            INSERT 0 1
            SAVEPOINT
            INSERT 0 1
            23505
            25P02
            ROLLBACK
            INSERT 0 1
            SAVEPOINT
            RELEASE
            3B001
            ROLLBACK
            25P01
            BEGIN
            INSERT 0 1
            SAVEPOINT
            INSERT 0 1
            RELEASE
            COMMIT
             id |  note \s
            ----+--------
              1 | before
              6 | six
              7 | seven
            (3 rows)

            INSERT 0 1
            23505
             count\s
            -------
                 0
            (1 row)

            BEGIN
            INSERT 0 1
            INSERT 0 1
            COMMIT
            INSERT 0 1
            22012
            BEGIN
            INSERT 0 1
            22012
            ROLLBACK
             id | note\s
            ----+------
              9 | nine
             10 | ten
            (2 rows)

            """;

    private static final String PSQL_STDERR = """
            psql:<stdin>:5: ERROR:  duplicate key value violates unique constraint "ts_psql_pkey"
            DETAIL:  Key (id)=(1) already exists.
            psql:<stdin>:7: ERROR:  current transaction is aborted, commands ignored until end of transaction block
            psql:<stdin>:13: ERROR:  division by zero
            psql:<stdin>:14: ERROR:  current transaction is aborted, commands ignored until end of transaction block
            psql:<stdin>:22: ERROR:  duplicate key value violates unique constraint "ts_psql_pkey"
            DETAIL:  Key (id)=(3) already exists.
            psql:<stdin>:24: ERROR:  current transaction is aborted, commands ignored until end of transaction block
            psql:<stdin>:30: ERROR:  savepoint "s2" does not exist
            psql:<stdin>:33: ERROR:  SAVEPOINT can only be used in transaction blocks
            psql:<stdin>:42: ERROR:  duplicate key value violates unique constraint "ts_psql_pkey"
            DETAIL:  Key (id)=(8) already exists.
            psql:<stdin>:46: ERROR:  division by zero
            psql:<stdin>:48: ERROR:  division by zero
            """;

    /** PostgreSQL reports BEGIN inside a block and COMMIT/ROLLBACK outside one as WARNINGs (25001, 25P01). */
    @Test
    void psqlWarnsOnBeginInsideABlockAndCommitOutsideOne() throws Exception {
        String[] output = psql(WARN_SCRIPT);
        assertEquals(WARN_STDOUT, output[0]);
        assertEquals(WARN_STDERR, output[1]);
    }

    private static final String WARN_SCRIPT = """
            begin;
            begin;
            select 1 as one;
            commit;
            commit;
            rollback;
            \\echo :SQLSTATE
            """;

    private static final String WARN_STDOUT = """
            BEGIN
            BEGIN
             one\s
            -----
               1
            (1 row)

            COMMIT
            COMMIT
            ROLLBACK
            00000
            """;

    private static final String WARN_STDERR = """
            psql:<stdin>:2: WARNING:  there is already a transaction in progress
            psql:<stdin>:5: WARNING:  there is no transaction in progress
            psql:<stdin>:6: WARNING:  there is no transaction in progress
            """;

    /** Runs psql on {@code script}; returns its standard output and its standard error, apart (their interleaving is buffering). */
    private static String[] psql(String script) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(temp, "psql", ".err");
        Process process = new ProcessBuilder(List.of("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "amelie", "-d", "amelie", "-f", "-"))
                .redirectError(errors.toFile())
                .start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish");
        }
        return new String[] {new String(output, StandardCharsets.UTF_8), Files.readString(errors)};
    }

    // ---- pgjdbc ----------------------------------------------------------------------------

    @Test
    void errorInsideABlockGives25P02UntilRollback() throws Exception {
        createTable("ts_failed");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into ts_failed values (1, 'committed')");
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next());
            }
            assertEquals(1, s.executeUpdate("insert into ts_failed values (2, 'in block')"));
            assertEquals("23505", state(assertThrows(SQLException.class,
                    () -> s.executeUpdate("insert into ts_failed values (1, 'duplicate')"))));
            assertEquals("25P02", state(assertThrows(SQLException.class, () -> s.executeQuery("select 1"))));
            assertEquals("25P02", state(assertThrows(SQLException.class,
                    () -> s.executeUpdate("update ts_failed set note = 'x' where id = 1"))));
            c.rollback();
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next(), "usable again after ROLLBACK");
                assertEquals(1, rs.getInt(1));
            }
            assertEquals(1, s.executeUpdate("insert into ts_failed values (3, 'after')"));
            c.commit();
        }
        assertEquals(List.of("1:committed", "3:after"), rows("select id, note from ts_failed order by id"));
    }

    /**
     * COMMIT of a failed block is answered with ROLLBACK: pgjdbc's commit() (and a plain
     * {@code commit} statement) return quietly, nothing of the block stays, and the session is
     * usable again.
     */
    @Test
    void commitOfAFailedBlockRollsItBack() throws Exception {
        createTable("ts_commit_failed");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("insert into ts_commit_failed values (1, 'in block')");
            assertEquals("22012", state(assertThrows(SQLException.class, () -> s.executeQuery("select 1 / 0"))));
            c.commit();
            try (ResultSet rs = s.executeQuery("select 2")) {
                assertTrue(rs.next(), "a new transaction after the COMMIT");
            }
            c.rollback();
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("begin");
            s.executeUpdate("insert into ts_commit_failed values (2, 'in block')");
            assertEquals("23505", state(assertThrows(SQLException.class,
                    () -> s.executeUpdate("insert into ts_commit_failed values (2, 'duplicate')"))));
            s.execute("commit");
            assertEquals(1, s.executeUpdate("insert into ts_commit_failed values (3, 'autocommit again')"));
        }
        assertEquals(List.of("3:autocommit again"), rows("select id, note from ts_commit_failed"));
    }

    @Test
    void pgjdbcSavepointsRollBackAndRelease() throws Exception {
        createTable("ts_savepoints");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("insert into ts_savepoints values (1, 'kept')");
            Savepoint first = c.setSavepoint();
            s.executeUpdate("insert into ts_savepoints values (2, 'rolled back')");
            s.executeUpdate("update ts_savepoints set note = 'changed then rolled back' where id = 1");
            c.rollback(first);
            try (ResultSet rs = s.executeQuery("select count(*) from ts_savepoints")) {
                rs.next();
                assertEquals(1, rs.getLong(1), "rows after rollback to savepoint");
            }
            s.executeUpdate("insert into ts_savepoints values (3, 'after rollback to')");
            Savepoint named = c.setSavepoint("named");
            s.executeUpdate("insert into ts_savepoints values (4, 'released')");
            c.releaseSavepoint(named);

            // An error after a savepoint: rolling back to it makes the block usable again.
            Savepoint beforeError = c.setSavepoint("before_error");
            s.executeUpdate("insert into ts_savepoints values (5, 'undone by the error')");
            assertEquals("23505", state(assertThrows(SQLException.class,
                    () -> s.executeUpdate("insert into ts_savepoints values (1, 'duplicate')"))));
            assertEquals("25P02", state(assertThrows(SQLException.class, () -> s.executeQuery("select 1"))));
            c.rollback(beforeError);
            s.executeUpdate("insert into ts_savepoints values (6, 'after recovery')");

            // The same savepoint can be rolled back to again; a released one is gone.
            s.executeUpdate("insert into ts_savepoints values (7, 'rolled back twice')");
            c.rollback(beforeError);
            // pgjdbc refuses a released savepoint itself (3B000); the server says 3B001.
            assertEquals("3B000", state(assertThrows(SQLException.class, () -> c.rollback(named))));
            assertEquals("3B001", state(assertThrows(SQLException.class, () -> s.execute("rollback to savepoint named"))));
            assertEquals("25P02", state(assertThrows(SQLException.class, () -> s.executeQuery("select 1"))));
            c.rollback();
        }
        assertEquals(List.of(), rows("select id, note from ts_savepoints"), "the whole block was rolled back");

        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("insert into ts_savepoints values (1, 'kept')");
            Savepoint sp = c.setSavepoint();
            s.executeUpdate("insert into ts_savepoints values (2, 'gone')");
            c.rollback(sp);
            Savepoint released = c.setSavepoint();
            s.executeUpdate("insert into ts_savepoints values (3, 'released')");
            c.releaseSavepoint(released);
            Savepoint failed = c.setSavepoint();
            assertEquals("23505", state(assertThrows(SQLException.class,
                    () -> s.executeUpdate("insert into ts_savepoints values (1, 'duplicate')"))));
            c.rollback(failed);
            c.commit();
        }
        assertEquals(List.of("1:kept", "3:released"), rows("select id, note from ts_savepoints order by id"));
    }

    /**
     * pgjdbc's {@code autosave=always} sends SAVEPOINT in the same message as each statement and
     * ROLLBACK TO SAVEPOINT after an error, as many applications configure it.
     */
    @Test
    void pgjdbcAutosaveAlwaysRecoversFromAnErrorInsideABlock() throws Exception {
        createTable("ts_autosave");
        try (Connection c = DriverManager.getConnection(url + "&autosave=always"); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("insert into ts_autosave values (1, 'first')");
            assertEquals("23505", state(assertThrows(SQLException.class,
                    () -> s.executeUpdate("insert into ts_autosave values (1, 'duplicate')"))));
            assertEquals(1, s.executeUpdate("insert into ts_autosave values (2, 'after the error')"));
            try (ResultSet rs = s.executeQuery("select count(*) from ts_autosave")) {
                rs.next();
                assertEquals(2, rs.getLong(1));
            }
            c.commit();
        }
        assertEquals(List.of("1:first", "2:after the error"), rows("select id, note from ts_autosave order by id"));
    }

    /** A message with BEGIN … COMMIT is one transaction; an error in it leaves the block failed. */
    @Test
    void oneMessageBlockIsOneTransaction() throws Exception {
        createTable("ts_message");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into ts_message values (1, 'one'); insert into ts_message values (2, 'two')");
            s.execute("begin; insert into ts_message values (4, 'four'); update ts_message set note = 'uno' where id = 1; commit");
            assertEquals("22012", state(assertThrows(SQLException.class,
                    () -> s.execute("begin; insert into ts_message values (5, 'five'); select 1 / 0; commit"))));
            // The block opened by that message is failed until ROLLBACK.
            assertEquals("25P02", state(assertThrows(SQLException.class, () -> s.executeQuery("select 1"))));
            s.execute("rollback");
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next());
            }
        }
        assertEquals(List.of("1:uno", "2:two", "4:four"), rows("select id, note from ts_message order by id"));
    }

    /**
     * PostgreSQL's implicit transaction: statements sent up to one Sync (pgjdbc's
     * {@code execute("a; b")} with autocommit on) commit whole or not at all.
     */
    @Test
    void multiStatementExecuteIsOneImplicitTransaction() throws Exception {
        createTable("ts_implicit");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into ts_implicit values (1, 'one')");
            assertEquals("23505", state(assertThrows(SQLException.class,
                    () -> s.execute("insert into ts_implicit values (3, 'three'); insert into ts_implicit values (1, 'dup')"))));
            assertEquals("22012", state(assertThrows(SQLException.class,
                    () -> s.execute("update ts_implicit set note = 'changed' where id = 1; select 1 / 0"))));
        }
        assertEquals(List.of("1:one"), rows("select id, note from ts_implicit order by id"));
    }

    /** pgjdbc's executeBatch with autocommit on sends the batch up to one Sync: all or nothing. */
    @Test
    void batchWithAutocommitIsAllOrNothing() throws Exception {
        createTable("ts_batch");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into ts_batch values (1, 'one')");
            s.addBatch("insert into ts_batch values (2, 'two')");
            s.addBatch("update ts_batch set note = 'changed' where id = 1");
            s.addBatch("insert into ts_batch values (1, 'dup')");
            s.addBatch("insert into ts_batch values (3, 'three')");
            SQLException e = assertThrows(SQLException.class, s::executeBatch);
            assertEquals("23505", rootState(e), e.toString());
            s.clearBatch();
            s.addBatch("insert into ts_batch values (2, 'two')");
            s.addBatch("update ts_batch set note = 'changed' where id = 1");
            assertEquals(2, s.executeBatch().length);
        }
        assertEquals(List.of("1:changed", "2:two"), rows("select id, note from ts_batch order by id"));
    }

    /**
     * An error the engine never sees (a syntax error found when parsing, a bad prepared statement)
     * aborts an open block just as a failing statement does, and autocommit batches with a
     * statement that does not even parse run nothing.
     */
    @Test
    void parseErrorsAbortTheBlockAndTheBatch() throws Exception {
        createTable("ts_parse_error");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("insert into ts_parse_error values (1, 'one')");
            assertEquals("42601", state(assertThrows(SQLException.class, () -> s.execute("selec 1"))));
            assertEquals("25P02", state(assertThrows(SQLException.class, () -> s.execute("select 1"))));
            c.rollback();
            c.setAutoCommit(true);
            s.addBatch("insert into ts_parse_error values (2, 'two')");
            s.addBatch("insert into ts_parse_error values (3, 'three') oops");
            SQLException e = assertThrows(SQLException.class, s::executeBatch);
            assertEquals("42601", rootState(e), e.toString());
            s.clearBatch();
            s.execute("insert into ts_parse_error values (4, 'four')");
        }
        assertEquals(List.of("4:four"), rows("select id, note from ts_parse_error order by id"));
    }

    /** In a batch, what a DDL statement creates can be used by the statements after it. */
    @Test
    void batchUsesWhatItsDdlCreated() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists ts_batch_ddl");
            s.addBatch("create table ts_batch_ddl (id int primary key, note text)");
            s.addBatch("insert into ts_batch_ddl values (1, 'one')");
            s.addBatch("insert into ts_batch_ddl values (2, 'two')");
            assertEquals(3, s.executeBatch().length);
        }
        assertEquals(List.of("1:one", "2:two"), rows("select id, note from ts_batch_ddl order by id"));
    }

    /**
     * now() is the transaction's start and random() draws fresh numbers, yet an interactive
     * transaction's replays (at every statement and at COMMIT) must show what the client saw:
     * both are fixed at first use, so such a transaction commits instead of failing with 40001.
     */
    @Test
    void nowAndRandomKeepTheirValuesThroughTheTransaction() throws Exception {
        createTable("ts_random");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into ts_random values (1, 'a'), (2, 'b'), (3, 'c')");
            java.sql.Timestamp previous = null;
            for (int round = 0; round < 5; round++) {
                c.setAutoCommit(false);
                java.sql.Timestamp start = timestamp(s, "select now()");
                List<String> drawn = column(s, "select random() from ts_random order by id");
                assertEquals(3, java.util.Set.copyOf(drawn).size(), "each row draws its own number");
                Thread.sleep(5);
                s.execute("update ts_random set note = 'seen " + round + "' where id = 1");
                assertEquals(start, timestamp(s, "select now()"), "now() is the transaction's start");
                assertEquals(drawn.size(), column(s, "select random() from ts_random").size());
                c.commit();
                c.setAutoCommit(true);
                if (previous != null) {
                    assertTrue(start.after(previous), "each transaction has its own now()");
                }
                previous = start;
            }
        }
        assertEquals(List.of("1:seen 4", "2:b", "3:c"), rows("select id, note from ts_random order by id"));
    }

    /**
     * nextval hands out each value once, whatever the transactions do, and an interactive
     * transaction's replays get the values its client saw again (nothing is drawn twice, and the
     * transaction does not fail with 40001 because another client drew meanwhile).
     */
    @Test
    void sequenceValuesAreFixedAtFirstUseAndNeverHandedOutTwice() throws Exception {
        createTable("ts_sequence");
        try (Connection setup = connect(); Statement s = setup.createStatement()) {
            s.execute("drop sequence if exists ts_ids");
            s.execute("create sequence ts_ids");
        }
        List<Long> seen = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             Connection other = connect(); Statement o = other.createStatement()) {
            for (int round = 0; round < 3; round++) {
                c.setAutoCommit(false);
                long drawn = Long.parseLong(column(s, "select nextval('ts_ids')").getFirst());
                seen.add(Long.parseLong(column(o, "select nextval('ts_ids')").getFirst()));
                s.execute("insert into ts_sequence values (currval('ts_ids'), 'row ' || nextval('ts_ids'))");
                long second = Long.parseLong(column(s, "select currval('ts_ids')").getFirst());
                assertEquals(List.of(drawn + ":row " + second),
                        column(s, "select id || ':' || note from ts_sequence where id = " + drawn));
                c.commit();
                c.setAutoCommit(true);
                seen.add(drawn);
                seen.add(second);
            }
            seen.add(Long.parseLong(column(s, "select nextval('ts_ids')").getFirst()));
        }
        assertEquals(seen.size(), java.util.Set.copyOf(seen).size(), "every value handed out once: " + seen);
        assertEquals(3, rows("select id, note from ts_sequence order by id").size());
    }

    /**
     * A statement on a table the transaction has not written runs without replaying the
     * statements before it; COMMIT still checks what it showed. A concurrent change of what it
     * read makes the transaction fail with 40001 (Amelie commits in commit order: the read must
     * still hold then), and what the transaction wrote before it is still its own.
     */
    @Test
    void aReadOfAnUntouchedTableIsCheckedAtCommit() throws Exception {
        assumeTrue(isAmelie(), "PostgreSQL's SERIALIZABLE may order this transaction before the other one");
        createTable("ts_written");
        createTable("ts_read");
        try (Connection setup = connect(); Statement s = setup.createStatement()) {
            s.execute("insert into ts_written values (1, 'w')");
            s.execute("insert into ts_read values (1, 'before')");
        }
        try (Connection c = connect(); Statement s = c.createStatement();
             Connection other = connect(); Statement o = other.createStatement()) {
            c.setAutoCommit(false);
            s.execute("update ts_written set note = 'mine' where id = 1");
            assertEquals(List.of("before"), column(s, "select note from ts_read where id = 1"));
            assertEquals(List.of("mine"), column(s, "select note from ts_written where id = 1"));
            c.commit();

            s.execute("update ts_written set note = 'again' where id = 1");
            assertEquals(List.of("before"), column(s, "select note from ts_read where id = 1"));
            o.execute("update ts_read set note = 'after' where id = 1");
            assertEquals("40001", state(assertThrows(SQLException.class, c::commit)));
            c.setAutoCommit(true);
        }
        assertEquals(List.of("1:mine"), rows("select id, note from ts_written"));
    }

    private static java.sql.Timestamp timestamp(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getTimestamp(1);
        }
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private static String rootState(SQLException e) {
        SQLException next = e.getNextException();
        return next != null && next.getSQLState() != null ? next.getSQLState() : e.getSQLState();
    }

    @Test
    void clientThatDisconnectsMidTransactionLeavesNothingBehind() throws Exception {
        createTable("ts_disconnect");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into ts_disconnect values (1, 'committed'), (2, 'committed')");
        }

        // Terminate message (close) in an open block.
        Connection closed = connect();
        closed.setAutoCommit(false);
        try (Statement s = closed.createStatement()) {
            s.executeUpdate("insert into ts_disconnect values (10, 'never committed')");
            s.executeUpdate("update ts_disconnect set note = 'never committed' where id = 1");
            s.executeUpdate("delete from ts_disconnect where id = 2");
        }
        closed.close();

        // Socket dropped without Terminate (abort), in an open block.
        Connection aborted = connect();
        aborted.setAutoCommit(false);
        try (Statement s = aborted.createStatement()) {
            s.executeUpdate("insert into ts_disconnect values (11, 'never committed')");
            s.executeUpdate("update ts_disconnect set note = 'never committed' where id = 2");
        }
        aborted.abort(Runnable::run);

        // A block opened and written in one message, autocommit on, then closed.
        Connection oneMessage = connect();
        try (Statement s = oneMessage.createStatement()) {
            s.execute("begin; insert into ts_disconnect values (12, 'never committed'); delete from ts_disconnect where id = 1");
        }
        oneMessage.close();

        // A failed block, then closed.
        Connection failed = connect();
        failed.setAutoCommit(false);
        try (Statement s = failed.createStatement()) {
            s.executeUpdate("insert into ts_disconnect values (13, 'never committed')");
            assertThrows(SQLException.class, () -> s.executeUpdate("insert into ts_disconnect values (1, 'dup')"));
        }
        failed.close();

        assertEquals(List.of("1:committed", "2:committed"), rows("select id, note from ts_disconnect order by id"));
        // Nothing is held either: the same keys and rows are free for the next client.
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertEquals(4, s.executeUpdate("insert into ts_disconnect values (10, 'x'), (11, 'x'), (12, 'x'), (13, 'x')"));
            assertEquals(2, s.executeUpdate("update ts_disconnect set note = 'next client' where id <= 2"));
            c.commit();
        }
        assertEquals(List.of("1:next client", "2:next client", "10:x", "11:x", "12:x", "13:x"),
                rows("select id, note from ts_disconnect order by id"));
    }

    /**
     * Read, someone else commits a change to what was read, write a value computed from the
     * read: the transaction must fail with 40001 (at the write or at COMMIT), never lose the
     * other update. PostgreSQL does this at SERIALIZABLE (Amelie at every level).
     */
    @Test
    void readModifyWriteAfterAConcurrentCommitFailsWith40001() throws Exception {
        createTable("ts_lost_update");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into ts_lost_update values (1, '100')");
        }
        try (Connection a = connect(); Statement sa = a.createStatement();
             Connection b = connect(); Statement sb = b.createStatement()) {
            a.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            a.setAutoCommit(false);
            String read;
            try (ResultSet rs = sa.executeQuery("select note from ts_lost_update where id = 1")) {
                assertTrue(rs.next());
                read = rs.getString(1);
            }
            assertEquals("100", read);
            assertEquals(1, sb.executeUpdate("update ts_lost_update set note = '150' where id = 1"));
            SQLException conflict = assertThrows(SQLException.class, () -> {
                sa.executeUpdate("update ts_lost_update set note = '" + (Integer.parseInt(read) - 30) + "' where id = 1");
                a.commit();
            });
            assertEquals("40001", conflict.getSQLState(), conflict.toString());
            a.rollback();
            // Retrying reads the new value and succeeds.
            try (ResultSet rs = sa.executeQuery("select note from ts_lost_update where id = 1")) {
                assertTrue(rs.next());
                assertEquals("150", rs.getString(1));
            }
            assertEquals(1, sa.executeUpdate("update ts_lost_update set note = '120' where id = 1"));
            a.commit();
        }
        assertEquals(List.of("1:120"), rows("select id, note from ts_lost_update"));
    }

    /**
     * Amelie only (docs/transactions.md): a write whose client sees only its row count does not
     * conflict with a concurrent commit to the same row; both changes stay. (PostgreSQL's
     * SERIALIZABLE would refuse it.)
     */
    @Test
    void blindIncrementDoesNotConflictWithAConcurrentCommit() throws Exception {
        assumeTrue(isAmelie(), "Amelie's documented behaviour, not PostgreSQL's");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists ts_blind");
            s.execute("create table ts_blind (id int primary key, n bigint not null)");
            s.execute("insert into ts_blind values (1, 0)");
        }
        try (Connection a = connect(); Statement sa = a.createStatement();
             Connection b = connect(); Statement sb = b.createStatement()) {
            a.setAutoCommit(false);
            assertEquals(1, sa.executeUpdate("update ts_blind set n = n + 1 where id = 1"));
            assertEquals(1, sb.executeUpdate("update ts_blind set n = n + 10 where id = 1"));
            assertEquals(1, sa.executeUpdate("update ts_blind set n = n + 100 where id = 1"));
            assertEquals(1, sb.executeUpdate("update ts_blind set n = n + 1000 where id = 1"));
            a.commit();
        }
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select n from ts_blind")) {
            assertTrue(rs.next());
            assertEquals(1111, rs.getLong(1));
        }
    }
}
