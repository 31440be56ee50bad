package dev.amelie.pgwire.engine;

import dev.amelie.compute.Database;
import dev.amelie.pgwire.session.QueryEngine;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.pgwire.session.QueryEngine.TransactionOutcome;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import dev.amelie.wal.WalSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real planner, executor, compute nodes and WAL behind the engine interface the sessions use. */
class DatabaseQueryEngineTest {
    @TempDir
    Path data;

    private Database database;
    private DatabaseQueryEngine engine;

    @BeforeEach
    void open() throws Exception {
        reopen();
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
        database.close();
    }

    private void reopen() throws Exception {
        if (database != null) {
            engine.close();
            database.close();
        }
        database = Database.open(data, 3, WalSettings.defaults());
        engine = new DatabaseQueryEngine(database);
    }

    private TransactionOutcome run(String text, Object... parameters) throws Exception {
        return run(QueryEngine.Connection.AUTOCOMMIT, text, parameters);
    }

    private TransactionOutcome run(QueryEngine.Connection connection, String text, Object... parameters) throws Exception {
        List<BoundStatement> statements = new ArrayList<>();
        for (String statement : engine.splitStatements(text)) {
            // Statements with parameters come through Parse/Bind; the others as a simple Query.
            QueryEngine.PreparedQuery query = parameters.length > 0 ? engine.prepare(statement, new SqlType[0]) : engine.parse(statement);
            statements.add(new BoundStatement(query, parameters));
        }
        return connection == QueryEngine.Connection.AUTOCOMMIT
                ? engine.execute(statements).get(10, TimeUnit.SECONDS)
                : engine.execute(connection, statements).get(10, TimeUnit.SECONDS);
    }

    private List<String> rows(String query, Object... parameters) throws Exception {
        TransactionOutcome outcome = run(query, parameters);
        assertNull(outcome.error(), () -> outcome.error().getMessage());
        return outcome.results().getLast().rows().stream().map(Arrays::toString).toList();
    }

    private List<String> tags(TransactionOutcome outcome) {
        return outcome.results().stream().map(QueryEngine.StatementResult::commandTag).toList();
    }

    @Test
    void createInsertSelectUpdateDeleteGiveTheTagsPostgresWrites() throws Exception {
        TransactionOutcome outcome = run("create table t (id int primary key, name text not null, score double precision);"
                + "insert into t values (1, 'a', 1.5), (2, 'b', 2.5), (3, 'c', null);"
                + "update t set name = 'bb' where id = 2;"
                + "delete from t where id = 3;"
                + "select id, name, score from t order by id");
        assertNull(outcome.error());
        assertEquals(List.of("CREATE TABLE", "INSERT 0 3", "UPDATE 1", "DELETE 1", "SELECT 2"), tags(outcome));
        assertEquals(List.of("[1, a, 1.5]", "[2, bb, 2.5]"), outcome.results().getLast().rows().stream().map(Arrays::toString).toList());
    }

    @Test
    void countWhereOrderLimitAcrossPartitions() throws Exception {
        run("create table n (k bigint primary key, v int)");
        StringBuilder insert = new StringBuilder("insert into n values ");
        for (int i = 1; i <= 100; i++) {
            insert.append(i > 1 ? "," : "").append('(').append(i).append(',').append(i % 7).append(')');
        }
        run(insert.toString());
        assertEquals(List.of("[100]"), rows("select count(*) from n"));
        assertEquals(List.of("[14]"), rows("select count(*) from n where v = 3"));
        assertEquals(List.of("[100]", "[99]", "[98]"), rows("select k from n order by k desc limit 3"));
        assertEquals(List.of("[4]", "[5]"), rows("select k from n order by k limit 2 offset 3"));
        assertEquals(List.of("[297, 0, 6]"), rows("select sum(v), min(v), max(v) from n"));
    }

    @Test
    void loneAutocommitPointReadsRunOnTheKeysNodeAlone() throws Exception {
        run("create table pr (id int primary key, v int, name text)");
        StringBuilder insert = new StringBuilder("insert into pr values ");
        for (int i = 1; i <= 50; i++) {
            insert.append(i > 1 ? "," : "").append('(').append(i).append(',').append(i % 3).append(",'n").append(i).append("')");
        }
        run(insert.toString());
        long before = engine.metrics().pointReads();
        for (int id = 1; id <= 50; id++) {
            assertEquals(List.of("[" + id % 3 + ", n" + id + "]"), rows("select v, name from pr where id = $1", id));
        }
        assertEquals(List.of(), rows("select v from pr where id = $1", 51));
        assertEquals(before + 51, engine.metrics().pointReads());

        // An error of the host's part (the projection) reaches the client; the next read works.
        assertEquals(SqlState.DIVISION_BY_ZERO, run("select 10 / v from pr where id = $1", 3).error().state());
        assertEquals(List.of("[10]"), rows("select 10 / v from pr where id = $1", 4));
        // A read sees the commit before it.
        run("update pr set v = 100 where id = 5");
        assertEquals(List.of("[100]"), rows("select v from pr where id = $1", 5));

        // A simple Query's statement takes the same path once its plan is in the cache.
        long beforeSimple = engine.metrics().pointReads();
        assertEquals(List.of("[n7]"), rows("select name from pr where id = 7"));
        assertEquals(List.of("[n8]"), rows("select name from pr where id = 8"));
        assertEquals(beforeSimple + 1, engine.metrics().pointReads());

        // Inside a block, a write, or a scan: the ordinary way.
        long beforeOthers = engine.metrics().pointReads();
        QueryEngine.Connection block = engine.connect();
        assertNull(run(block, "begin").error());
        assertEquals(List.of("[n9]"), run(block, "select name from pr where id = $1", 9).results().getLast().rows().stream()
                .map(Arrays::toString).toList());
        assertNull(run(block, "commit").error());
        assertEquals(List.of("[50]"), rows("select count(*) from pr where id > $1", 0));
        assertEquals(beforeOthers, engine.metrics().pointReads());
    }

    @Test
    void pointReadsSeeEveryCommitAcknowledgedBeforeThemWhileWritesGoOn() throws Exception {
        run("create table lin (id int primary key, v bigint)");
        run("insert into lin values (1, 0), (2, 0), (3, 0), (4, 0)");
        QueryEngine.PreparedQuery increment = engine.prepare("update lin set v = v + 1 where id = $1", new SqlType[0]);
        QueryEngine.PreparedQuery read = engine.prepare("select v from lin where id = $1", new SqlType[0]);
        long[] acknowledged = new long[5];
        java.util.concurrent.atomic.AtomicReference<String> violation = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int id = 1; id <= 4; id++) {
            int key = id;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        assertNull(engine.execute(List.of(new BoundStatement(increment, new Object[] {key})))
                                .get(10, TimeUnit.SECONDS).error());
                        synchronized (acknowledged) {
                            acknowledged[key]++;
                        }
                    }
                } catch (Exception e) {
                    violation.compareAndSet(null, e.toString());
                }
            }));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            try {
                long[] lastSeen = new long[5];
                while (!stop.get()) {
                    for (int key = 1; key <= 4; key++) {
                        long before;
                        synchronized (acknowledged) {
                            before = acknowledged[key];
                        }
                        long seen = ((Number) engine.execute(List.of(new BoundStatement(read, new Object[] {key})))
                                .get(10, TimeUnit.SECONDS).results().getFirst().rows().getFirst()[0]).longValue();
                        if (seen < before || seen < lastSeen[key]) {
                            violation.compareAndSet(null, "key " + key + ": read " + seen + " after " + before
                                    + " acknowledged and " + lastSeen[key] + " read before");
                        }
                        lastSeen[key] = seen;
                    }
                }
            } catch (Exception e) {
                violation.compareAndSet(null, e.toString());
            }
        }));
        Thread.sleep(1500);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(20_000);
        }
        assertNull(violation.get());
        assertEquals(List.of("[1, " + acknowledged[1] + "]", "[2, " + acknowledged[2] + "]", "[3, " + acknowledged[3] + "]",
                "[4, " + acknowledged[4] + "]"), rows("select id, v from lin order by id"));
    }

    @Test
    void keyStatementsRunOnBorrowedNodesAndGiveThemBack() throws Exception {
        run("create table bn (id int primary key, v int not null)");
        run("insert into bn values (1, 10), (2, 20), (3, 30)");
        QueryEngine.PreparedQuery update = engine.prepare("update bn set v = v + $2 where id = $1", new SqlType[0]);
        QueryEngine.PreparedQuery read = engine.prepare("select v from bn where id = $1", new SqlType[0]);
        long before = engine.metrics().messagesOnBorrowedNodes();

        // An interactive block: each message is speculative (undone after it answers), COMMIT replays them.
        QueryEngine.Connection block = engine.connect();
        assertNull(run(block, "begin").error());
        assertEquals(List.of("UPDATE 1"), tags(engine.execute(block, List.of(new BoundStatement(update, new Object[] {1, 5})))
                .get(10, TimeUnit.SECONDS)));
        assertEquals(List.of("[15]"), engine.execute(block, List.of(new BoundStatement(read, new Object[] {1})))
                .get(10, TimeUnit.SECONDS).results().getFirst().rows().stream().map(Arrays::toString).toList());
        assertNull(engine.execute(block, List.of(new BoundStatement(update, new Object[] {2, 7}))).get(10, TimeUnit.SECONDS).error());
        assertNull(run(block, "commit").error());
        assertEquals(List.of("[1, 15]", "[2, 27]", "[3, 30]"), rows("select id, v from bn order by id"));
        assertTrue(engine.metrics().messagesOnBorrowedNodes() >= before + 4, "the block's messages ran on borrowed nodes");

        // A statement failing on a node undoes its message and gives the nodes back: the next ones run.
        TransactionOutcome failing = run("update bn set v = v + 1 where id = 3; update bn set v = null where id = 1");
        assertEquals(SqlState.NOT_NULL_VIOLATION, failing.error().state());
        assertEquals(List.of("[1, 15]", "[2, 27]", "[3, 30]"), rows("select id, v from bn order by id"));
        assertNull(run("update bn set v = v + 1 where id = 3; update bn set v = v + 1 where id = 1").error());
        assertEquals(List.of("[1, 16]", "[2, 27]", "[3, 31]"), rows("select id, v from bn order by id"));

        // A scan is no key statement: it runs on a transaction thread.
        long beforeScan = engine.metrics().messagesOnBorrowedNodes();
        assertEquals(List.of("[74]"), rows("select sum(v) from bn"));
        assertEquals(beforeScan, engine.metrics().messagesOnBorrowedNodes());
    }

    @Test
    void keyStatementsOnBusyNodesAreHandedToThemAndRunInOrder() throws Exception {
        run("create table hn (id int primary key, v int not null)");
        run("insert into hn values (1, 10), (2, 20), (3, 30), (4, 40)");
        long before = engine.metrics().messagesHandedToNodes();
        // A transaction that entered every node and has not ended keeps them busy.
        dev.amelie.compute.executor.Transaction holder = database.executor().begin();
        holder.enter();
        QueryEngine.Connection block = engine.connect();
        assertNull(run(block, "begin").error());
        // Prepared: only statements planned already run without a transaction thread.
        QueryEngine.PreparedQuery add = engine.prepare("update hn set v = v + $2 where id = $1", new SqlType[0]);
        QueryEngine.PreparedQuery clear = engine.prepare("update hn set v = null where id = $1", new SqlType[0]);
        var update = engine.execute(block, List.of(new BoundStatement(add, new Object[] {1, 1})));
        var failing = engine.execute(List.of(new BoundStatement(add, new Object[] {2, 1}), new BoundStatement(clear, new Object[] {3})));
        var write = engine.execute(List.of(new BoundStatement(add, new Object[] {4, 100})));
        assertEquals(before + 3, engine.metrics().messagesHandedToNodes(), "busy nodes took the messages");
        Thread.sleep(100);
        assertTrue(!update.isDone() && !failing.isDone() && !write.isDone(), "handed messages wait for their turn");

        holder.rollback().get(10, TimeUnit.SECONDS);
        assertEquals(List.of("UPDATE 1"), tags(update.get(10, TimeUnit.SECONDS)));
        assertEquals(SqlState.NOT_NULL_VIOLATION, failing.get(10, TimeUnit.SECONDS).error().state());
        assertNull(write.get(10, TimeUnit.SECONDS).error());
        // The block's COMMIT replays its update on every node it needs, and the nodes serve on.
        assertNull(run(block, "update hn set v = v + 1 where id = 3; commit").error());
        assertEquals(List.of("[1, 11]", "[2, 20]", "[3, 31]", "[4, 140]"), rows("select id, v from hn order by id"));
    }

    @Test
    void aReadWaitsForTheCommitsOfTheKeysItReadOnly() throws Exception {
        run("create table rw (id int primary key, v int not null)");
        run("insert into rw values (1, 0), (2, 0)");
        QueryEngine.PreparedQuery add = engine.prepare("update rw set v = v + 1 where id = $1", new SqlType[0]);
        QueryEngine.PreparedQuery read = engine.prepare("select v from rw where id = $1", new SqlType[0]);
        QueryEngine.Connection block = engine.connect();
        var wal = database.wal();
        int beforeDurable = 0;
        for (int i = 1; i <= 200; i++) {
            // A short block each time: a long one's replays would run on a transaction thread.
            assertNull(run(block, "begin").error());
            // Nothing else writes: the commit of key 1 is the last record appended once execute returns.
            var write = engine.execute(List.of(new BoundStatement(add, new Object[] {1})));
            long written = wal.lastAppendedLsn();
            var other = engine.execute(block, List.of(new BoundStatement(read, new Object[] {2})));
            boolean otherAnswered = other.isDone();
            boolean stillVolatile = wal.durableLsn() < written;
            var same = engine.execute(block, List.of(new BoundStatement(read, new Object[] {1})));
            boolean sameAnswered = same.isDone();
            // The read of the written key never answers before that commit is durable.
            assertTrue(!sameAnswered || wal.durableLsn() >= written, "read a commit before it was durable");
            if (stillVolatile) {
                beforeDurable++;
                // The read of a key no commit in flight wrote answered without waiting for it.
                assertTrue(otherAnswered, "a read of an untouched key waited for another key's commit");
            }
            assertNull(write.get(10, TimeUnit.SECONDS).error());
            assertEquals("[" + i + "]", Arrays.toString(same.get(10, TimeUnit.SECONDS).results().getFirst().rows().getFirst()));
            assertEquals("[0]", Arrays.toString(other.get(10, TimeUnit.SECONDS).results().getFirst().rows().getFirst()));
            assertNull(run(block, "rollback").error());
        }
        assertTrue(beforeDurable > 0, "no read ran while a commit was still on its way to disk");

        // A scan reads every key: it waits for every commit.
        assertNull(run(block, "begin").error());
        var write = engine.execute(List.of(new BoundStatement(add, new Object[] {1})));
        long written = wal.lastAppendedLsn();
        var scan = engine.execute(block, List.of(new BoundStatement(engine.prepare("select sum(v) from rw where v >= 0",
                new SqlType[0]), new Object[0])));
        assertEquals("[201]", Arrays.toString(scan.get(10, TimeUnit.SECONDS).results().getFirst().rows().getFirst()));
        assertTrue(wal.durableLsn() >= written);
        assertNull(write.get(10, TimeUnit.SECONDS).error());
        assertNull(run(block, "commit").error());
    }

    @Test
    void statementsSentAheadShowWhatOneAfterAnotherShows() throws Exception {
        run("create table sa (id int primary key, v int)");
        run("insert into sa values (1, 10), (2, 20), (3, 30), (10, 0)");
        // Each statement reads what the ones before it wrote, on the same node and across nodes.
        long sentBefore = engine.metrics().statementsSentAhead();
        TransactionOutcome outcome = run("update sa set v = v + 1 where id = 10; select v from sa where id = 10;"
                + "update sa set v = v + 1 where id = 10; select v from sa where id = 10;"
                + "update sa set v = v + 5 where id = 1; select v from sa where id = 1; insert into sa values (4, 40);"
                + "select v from sa where id = 4");
        assertNull(outcome.error(), () -> outcome.error().getMessage());
        assertEquals(List.of("UPDATE 1", "SELECT 1", "UPDATE 1", "SELECT 1", "UPDATE 1", "SELECT 1", "INSERT 0 1", "SELECT 1"),
                tags(outcome));
        assertEquals(List.of("[1]", "[2]", "[15]", "[40]"), outcome.results().stream().filter(r -> r.commandTag().startsWith("SELECT"))
                .map(r -> Arrays.toString(r.rows().getFirst())).toList());
        assertEquals(sentBefore + 8, engine.metrics().statementsSentAhead());

        // A later statement whose key cannot be computed fails at its turn, after the ones before
        // it showed their results; the message's transaction is undone.
        TransactionOutcome failing = run("update sa set v = 0 where id = 1; update sa set v = 0 where id = 2;"
                + "select v from sa where id = 2147483647 + 1; update sa set v = 0 where id = 3");
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failing.error().state());
        assertEquals(List.of("UPDATE 1", "UPDATE 1"), tags(failing));
        assertEquals(List.of("[1, 15]", "[2, 20]", "[3, 30]"), rows("select id, v from sa where id < 4 order by id"));
    }

    @Test
    void parametersAreBoundByNumber() throws Exception {
        run("create table p (a int primary key, b text)");
        QueryEngine.PreparedQuery insert = engine.prepare("insert into p values ($2, $1)", new SqlType[0]);
        assertEquals(List.of(SqlType.TEXT, SqlType.INTEGER), Arrays.asList(insert.parameterTypes()));
        engine.execute(List.of(new BoundStatement(insert, new Object[] {"x", 7}))).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("[7, x]"), rows("select a, b from p where a = $1", 7));
    }

    @Test
    void errorsCarryPostgresSqlStates() throws Exception {
        run("create table e (a int primary key)");
        run("insert into e values (1)");
        assertEquals(SqlState.UNIQUE_VIOLATION.code(), run("insert into e values (1)").error().state().code());
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, run("insert into e values ('abc')").error().state());
        assertEquals(SqlState.UNDEFINED_TABLE, assertThrows(dev.amelie.vm.error.SqlException.class,
                () -> engine.prepare("select * from missing", new SqlType[0])).state());
        assertEquals(SqlState.SYNTAX_ERROR, assertThrows(dev.amelie.vm.error.SqlException.class,
                () -> engine.prepare("selec 1", new SqlType[0])).state());
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, assertThrows(dev.amelie.vm.error.SqlException.class,
                () -> engine.prepare("lock table e", new SqlType[0])).state());
        assertEquals(SqlState.NOT_NULL_VIOLATION, run("insert into e values (null)").error().state());
        assertEquals(SqlState.DIVISION_BY_ZERO, run("select 1 / 0").error().state());
    }

    @Test
    void failedStatementUndoesTheWholeMessage() throws Exception {
        run("create table u (a int primary key)");
        TransactionOutcome outcome = run("insert into u values (1); insert into u values (2), (2)");
        assertNotNull(outcome.error());
        assertEquals(List.of("INSERT 0 1"), tags(outcome));
        assertEquals(List.of("[0]"), rows("select count(*) from u"));
    }

    @Test
    void rowsComeBackAfterReopen() throws Exception {
        run("create table r (a int primary key, b text); create table h (x int)");
        run("insert into r values (1, 'one'), (2, 'two'); insert into h values (5), (5)");
        run("update r set b = 'uno' where a = 1; delete from r where a = 2");
        reopen();
        assertEquals(List.of("[1, uno]"), rows("select a, b from r"));
        assertEquals(List.of("[2]"), rows("select count(*) from h"));
        TransactionOutcome insert = run("insert into h values (6)");
        assertNull(insert.error(), () -> insert.error().toString());
        assertEquals(List.of("INSERT 0 1"), tags(insert));
        assertEquals(List.of("[3]"), rows("select count(*) from h"));
    }

    @Test
    void aPlanMadeInsideARolledBackMessageIsNotReused() throws Exception {
        assertNotNull(run("create table z (a int); insert into z values (1); select 1 / 0").error());
        assertNull(run("create table z (a text primary key); insert into z values (1)").error());
        assertEquals(List.of("String"), run("select a from z").results().getLast().rows().stream()
                .map(row -> row[0].getClass().getSimpleName()).toList());
    }

    @Test
    void interactiveBlockSeesItsOwnWritesAndCommitsThemAtCommit() throws Exception {
        run("create table ib (id int primary key, v int)");
        QueryEngine.Connection a = engine.connect();
        assertEquals("BEGIN", tags(run(a, "begin")).getFirst());
        assertEquals(QueryEngine.TransactionStatus.IN_BLOCK, a.status());
        assertNull(run(a, "insert into ib values (1, 10)").error());
        assertEquals(List.of("[1, 10]"), run(a, "select id, v from ib").results().getFirst().rows().stream().map(Arrays::toString).toList());
        assertEquals(List.of("[0]"), rows("select count(*) from ib"), "nothing of an open block is visible to others");
        assertEquals(List.of("COMMIT"), tags(run(a, "commit")));
        assertEquals(QueryEngine.TransactionStatus.IDLE, a.status());
        assertEquals(List.of("[1, 10]"), rows("select id, v from ib"));
    }

    @Test
    void rollbackAndDisconnectLeaveNothing() throws Exception {
        run("create table rb (id int primary key)");
        QueryEngine.Connection a = engine.connect();
        run(a, "begin; insert into rb values (1)");
        run(a, "insert into rb values (2)");
        assertEquals(List.of("ROLLBACK"), tags(run(a, "rollback")));
        QueryEngine.Connection b = engine.connect();
        run(b, "begin");
        run(b, "insert into rb values (3)");
        b.close();
        assertEquals(List.of("[0]"), rows("select count(*) from rb"));
    }

    @Test
    void aReadThatChangedBeforeCommitIsASerializationFailure() throws Exception {
        run("create table acct (id int primary key, balance int)");
        run("insert into acct values (1, 100), (2, 0)");
        QueryEngine.Connection a = engine.connect();
        run(a, "begin");
        assertEquals(List.of("[100]"), run(a, "select balance from acct where id = 1").results().getFirst().rows()
                .stream().map(Arrays::toString).toList());
        run("update acct set balance = 50 where id = 1");
        // Nothing before it wrote acct: this runs without replaying the block; COMMIT checks the read.
        assertEquals(List.of("UPDATE 1"), tags(run(a, "update acct set balance = 90 where id = 1")));
        TransactionOutcome commit = run(a, "commit");
        assertEquals(SqlState.SERIALIZATION_FAILURE, commit.error().state());
        assertEquals(QueryEngine.TransactionStatus.IDLE, a.status(), "a COMMIT that fails ends the transaction");
        assertEquals(List.of("[50]"), rows("select balance from acct where id = 1"));

        run(a, "begin");
        run(a, "update acct set balance = balance + 1 where id = 2");
        run(a, "select balance from acct where id = 1");
        run("update acct set balance = 40 where id = 1");
        // This reads acct, which the block wrote: the block is replayed and the change is seen now.
        TransactionOutcome outcome = run(a, "select count(*) from acct");
        assertEquals(SqlState.SERIALIZATION_FAILURE, outcome.error().state());
        assertEquals(QueryEngine.TransactionStatus.FAILED, a.status());
        assertEquals(SqlState.IN_FAILED_SQL_TRANSACTION, run(a, "select 1").error().state());
        assertEquals(List.of("ROLLBACK"), tags(run(a, "commit")));
        assertEquals(List.of("[40]", "[0]"), rows("select balance from acct order by id"));
    }

    @Test
    void blindWritesToTheSameRowDoNotConflict() throws Exception {
        run("create table blind (id int primary key, v int)");
        run("insert into blind values (1, 0)");
        QueryEngine.Connection a = engine.connect();
        run(a, "begin");
        assertEquals(List.of("UPDATE 1"), tags(run(a, "update blind set v = 1 where id = 1")));
        run("update blind set v = 2 where id = 1");
        TransactionOutcome commit = run(a, "commit");
        assertNull(commit.error());
        assertEquals(List.of("[1]"), rows("select v from blind"));
    }

    @Test
    void anErrorFailsTheBlockUntilItEnds() throws Exception {
        run("create table fb (id int primary key)");
        QueryEngine.Connection a = engine.connect();
        run(a, "begin; insert into fb values (1)");
        assertEquals(SqlState.UNIQUE_VIOLATION, run(a, "insert into fb values (1)").error().state());
        assertEquals(QueryEngine.TransactionStatus.FAILED, a.status());
        assertEquals(SqlState.IN_FAILED_SQL_TRANSACTION, run(a, "insert into fb values (2)").error().state());
        assertEquals(List.of("ROLLBACK"), tags(run(a, "rollback")));
        assertEquals(QueryEngine.TransactionStatus.IDLE, a.status());
        assertEquals(List.of("[0]"), rows("select count(*) from fb"));
    }

    @Test
    void statementsDifferingOnlyInConstantsShareAPlanAndKeepTheirMeaning() throws Exception {
        run("create table lit (k int primary key, v int, d double precision, s text)");
        run("insert into lit values (1, 10, 1.5, 'one'), (2, 20, 2.5, 'two')");
        assertEquals(List.of("[20]"), rows("select v from lit where k = 2"));
        assertEquals(List.of("[10]"), rows("select v from lit where k = 1"));
        assertEquals(List.of("[two]"), rows("select s from lit where s = 'two'"));
        assertEquals(List.of("[25.0]"), rows("select v * 2.5 from lit where k = 1"), "2.5 stays numeric");
        assertEquals(List.of("[3000000020]"), rows("select v + 3000000000 from lit where k = 2"), "a big constant stays bigint");
        assertEquals(List.of("[2]", "[1]"), rows("select k from lit order by 1 desc"), "ORDER BY 1 is a position");
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, run("insert into lit values ('x', 1, 1, 'a')").error().state());
        assertEquals(List.of("UPDATE 1"), tags(run("update lit set v = v + 5 where k = 1")));
        assertEquals(List.of("[15]"), rows("select v from lit where k = 1"));
    }

    @Test
    void rollbackToSavepointTakesBackOnlyWhatFollowsIt() throws Exception {
        run("create table sp (id int primary key)");
        QueryEngine.Connection a = engine.connect();
        run(a, "begin");
        run(a, "insert into sp values (1)");
        assertEquals(List.of("SAVEPOINT"), tags(run(a, "savepoint s1")));
        run(a, "insert into sp values (2)");
        assertEquals(List.of("ROLLBACK"), tags(run(a, "rollback to savepoint s1")));
        run(a, "insert into sp values (3)");
        assertEquals(List.of("RELEASE"), tags(run(a, "release s1")));
        assertNull(run(a, "commit").error());
        assertEquals(List.of("[1]", "[3]"), rows("select id from sp order by id"));
    }

    @Test
    void rollbackToSavepointRepairsAFailedBlock() throws Exception {
        run("create table spf (id int primary key)");
        QueryEngine.Connection a = engine.connect();
        run(a, "begin; insert into spf values (1); savepoint before_dup");
        assertEquals(SqlState.UNIQUE_VIOLATION, run(a, "insert into spf values (1)").error().state());
        assertEquals(QueryEngine.TransactionStatus.FAILED, a.status());
        run(a, "rollback to before_dup");
        assertEquals(QueryEngine.TransactionStatus.IN_BLOCK, a.status());
        run(a, "insert into spf values (2)");
        assertNull(run(a, "commit").error());
        assertEquals(List.of("[1]", "[2]"), rows("select id from spf order by id"));
    }

    @Test
    void savepointsNeedABlockAndAName() throws Exception {
        assertEquals(SqlState.NO_ACTIVE_SQL_TRANSACTION, run("savepoint x").error().state());
        QueryEngine.Connection a = engine.connect();
        run(a, "begin");
        assertEquals(SqlState.INVALID_SAVEPOINT_SPECIFICATION, run(a, "release nope").error().state());
        run(a, "rollback");
    }

    @Test
    void constantSelectNeedsNoTable() throws Exception {
        assertEquals(List.of("[2, abc, true]"), rows("select 1 + 1, lower('ABC'), 1 < 2"));
    }
}
