package dev.amelie.compute.executor;

import dev.amelie.compute.Database;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.type.SqlType;
import dev.amelie.wal.WalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import static dev.amelie.compute.executor.RangePrograms.addByKeyLookup;
import static dev.amelie.compute.executor.RangePrograms.addByKeyScan;
import static dev.amelie.compute.executor.RangePrograms.deleteRange;
import static dev.amelie.compute.executor.RangePrograms.selectRange;
import static dev.amelie.compute.executor.RangePrograms.updateRange;
import static dev.amelie.compute.executor.TablePrograms.deleteWhere;
import static dev.amelie.compute.executor.TablePrograms.insert;
import static dev.amelie.compute.executor.TablePrograms.selectStored;
import static dev.amelie.compute.executor.TablePrograms.updateWhere;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executor's promise that the number of compute nodes changes where rows live and who runs
 * what, never what happens: one seeded schedule of transactions (inserts, updates by key and by
 * predicate, deletes, DDL, rollbacks, failures on duplicate keys and NOT NULL) run in the same
 * order on 1, 2 and 8 nodes gives the same statement results, the same errors and the same
 * tables, and the WAL replays to those tables (with the same or another number of nodes).
 * Then concurrent read-modify-write transactions on 8 nodes lose no update.
 */
@Timeout(120) // a hang guard (nodes held by a stuck transaction), not a performance bound
class DeterminismTest {
    private static final long SEED = Long.getLong("determinism.seed", 0x5EED_2024L);
    private static final int TRANSACTIONS = 400;
    private static final int KEYS = 48;
    private static final int[] NODE_COUNTS = {1, 2, 8};

    private static final TableDef T = new TableDef(0, "public", "t", List.of(
            new ColumnDef("k", SqlType.INTEGER, true),
            new ColumnDef("v", SqlType.BIGINT, true),
            new ColumnDef("s", SqlType.TEXT, false)), new int[] {0});
    /** No primary key: rows carry a hidden row id assigned by the coordinator. */
    private static final TableDef U = new TableDef(0, "public", "u", List.of(
            new ColumnDef("a", SqlType.BIGINT, false),
            new ColumnDef("b", SqlType.TEXT, false)), new int[] {});
    /** Created and dropped by the schedule itself. */
    private static final TableDef W = new TableDef(0, "public", "w", List.of(
            new ColumnDef("id", SqlType.INTEGER, true),
            new ColumnDef("x", SqlType.TEXT, false)), new int[] {0});

    @TempDir
    Path temp;

    /** One statement of a planned transaction; returns what it showed, for the trace. */
    private interface Step {
        String run(Transaction tx, Database db);
    }

    private record Plan(List<Step> steps, boolean commit) {}

    // ---- 1. same schedule, same outcome ----------------------------------------------------

    @Test
    void oneScheduleGivesTheSameResultsAndTablesOnOneTwoAndEightNodesAndAfterReplay() throws Exception {
        List<Plan> schedule = schedule(new Random(SEED), TRANSACTIONS);
        List<Plan> afterRestart = schedule(new Random(SEED + 1), TRANSACTIONS / 4);

        Map<Integer, List<String>> traces = new LinkedHashMap<>();
        Map<Integer, Map<String, List<String>>> tables = new LinkedHashMap<>();
        for (int n : NODE_COUNTS) {
            try (Database db = Database.open(dir(n), n, WalSettings.defaults())) {
                createTables(db);
                traces.put(n, apply(db, schedule));
                tables.put(n, snapshot(db));
            }
        }
        List<String> reference = traces.get(1);
        for (int n : NODE_COUNTS) {
            assertEquals(reference, traces.get(n), "statement results and errors on " + n + " nodes");
            assertEquals(tables.get(1), tables.get(n), "tables on " + n + " nodes");
        }
        assertScheduleWasNotVacuous(reference, tables.get(1));

        // Replay with the same number of nodes, then with another one (rows are re-hashed).
        for (int n : NODE_COUNTS) {
            try (Database db = Database.open(dir(n), n, WalSettings.defaults())) {
                assertEquals(tables.get(n), snapshot(db), "after reopening the " + n + "-node database");
            }
            int other = n == 8 ? 3 : n + 5;
            try (Database db = Database.open(dir(n), other, WalSettings.defaults())) {
                assertEquals(tables.get(n), snapshot(db), "the " + n + "-node log replayed on " + other + " nodes");
            }
        }

        // Recovered state (row id counters, catalog ids) must go on identically too.
        Map<Integer, List<String>> tracesAfter = new LinkedHashMap<>();
        Map<Integer, Map<String, List<String>>> tablesAfter = new LinkedHashMap<>();
        for (int n : NODE_COUNTS) {
            try (Database db = Database.open(dir(n), n, WalSettings.defaults())) {
                tracesAfter.put(n, apply(db, afterRestart));
                tablesAfter.put(n, snapshot(db));
            }
            try (Database db = Database.open(dir(n), n, WalSettings.defaults())) {
                assertEquals(tablesAfter.get(n), snapshot(db), "second reopen of the " + n + "-node database");
            }
        }
        for (int n : NODE_COUNTS) {
            assertEquals(tracesAfter.get(1), tracesAfter.get(n), "results after restart on " + n + " nodes");
            assertEquals(tablesAfter.get(1), tablesAfter.get(n), "tables after restart on " + n + " nodes");
        }
    }

    private Path dir(int nodes) {
        return temp.resolve("n" + nodes);
    }

    private static void createTables(Database db) throws Exception {
        Transaction tx = db.executor().begin();
        assertEquals(1, tx.createTable(T, false).id());
        assertEquals(2, tx.createTable(U, false).id());
        tx.commit().get(10, TimeUnit.SECONDS);
    }

    /** Runs the plans one after the other from this thread; commits are pipelined (not awaited one by one). */
    private static List<String> apply(Database db, List<Plan> schedule) throws Exception {
        List<String> trace = new ArrayList<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            Plan plan = schedule.get(i);
            Transaction tx = db.executor().begin();
            StringBuilder line = new StringBuilder("tx ").append(i).append(':');
            String error = null;
            for (Step step : plan.steps()) {
                try {
                    line.append(' ').append(step.run(tx, db)).append(';');
                } catch (SqlException e) {
                    error = e.state().code();
                    break;
                }
            }
            if (error != null) {
                line.append(" error ").append(error);
                pending.add(tx.rollback());
            } else if (plan.commit()) {
                line.append(" commit");
                pending.add(tx.commit());
            } else {
                line.append(" rollback");
                pending.add(tx.rollback());
            }
            trace.add(line.toString());
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        return trace;
    }

    private static void assertScheduleWasNotVacuous(List<String> trace, Map<String, List<String>> tables) {
        long commits = trace.stream().filter(l -> l.endsWith(" commit")).count();
        long rollbacks = trace.stream().filter(l -> l.endsWith(" rollback")).count();
        long duplicates = trace.stream().filter(l -> l.endsWith(" error 23505")).count();
        long notNull = trace.stream().filter(l -> l.endsWith(" error 23502")).count();
        long ddl = trace.stream().filter(l -> l.contains("create w") || l.contains("drop w")).count();
        assertTrue(commits > TRANSACTIONS / 2, "commits: " + commits);
        assertTrue(rollbacks > 10, "rollbacks: " + rollbacks);
        assertTrue(duplicates > 10, "duplicate key failures: " + duplicates);
        assertTrue(notNull > 0, "not-null failures: " + notNull);
        assertTrue(ddl > 2, "DDL transactions: " + ddl);
        assertTrue(tables.get("t").size() > 5, "rows of t: " + tables.get("t"));
        assertTrue(tables.get("u").size() > 5, "rows of u: " + tables.get("u"));
    }

    /** Every table (id, name) and its rows as typed text, sorted: independent of partitioning. */
    private static Map<String, List<String>> snapshot(Database db) throws Exception {
        Map<String, List<String>> tables = new java.util.TreeMap<>();
        Transaction tx = db.executor().begin();
        for (Table table : db.catalog().current().tables()) {
            TableDef def = table.def();
            List<String> rows = new ArrayList<>();
            for (Object[] row : tx.run(selectStored(def), new Object[0]).rows()) {
                rows.add(typed(row));
            }
            rows.sort(Comparator.naturalOrder());
            rows.addFirst("id=" + def.id());
            tables.put(def.name(), rows);
        }
        tx.commit().get(10, TimeUnit.SECONDS);
        return tables;
    }

    private static String typed(Object[] row) {
        StringBuilder out = new StringBuilder("(");
        for (Object value : row) {
            out.append(value == null ? "null" : value + ":" + value.getClass().getSimpleName()).append(", ");
        }
        return out.append(')').toString();
    }

    // ---- the schedule ------------------------------------------------------------------------

    private static List<Plan> schedule(Random random, int transactions) {
        List<Plan> plans = new ArrayList<>(transactions);
        for (int i = 0; i < transactions; i++) {
            if (random.nextInt(100) < 4) {
                plans.add(new Plan(List.of(toggleW(random.nextInt(1000))), random.nextInt(10) < 7));
                continue;
            }
            int statements = 1 + random.nextInt(4);
            List<Step> steps = new ArrayList<>(statements);
            for (int s = 0; s < statements; s++) {
                steps.add(step(random));
            }
            plans.add(new Plan(steps, random.nextInt(100) < 85));
        }
        return plans;
    }

    private static Step step(Random random) {
        int choice = random.nextInt(100);
        int key = random.nextInt(KEYS);
        long delta = random.nextInt(101) - 50;
        if (choice < 22) { // INSERT into t, 1..3 rows; keys collide often
            int count = 1 + random.nextInt(3);
            Object[][] rows = new Object[count][];
            for (int r = 0; r < count; r++) {
                rows[r] = new Object[] {random.nextInt(KEYS), (long) random.nextInt(1000), text(random)};
            }
            return modify("insert t", def -> insert(def, rows), "t", new Object[0]);
        }
        if (choice < 24) { // INSERT with a NULL in a NOT NULL column: 23502
            Object[] row = {KEYS + random.nextInt(KEYS), null, "x"};
            return modify("insert t null", def -> insert(def, new Object[][] {row}), "t", new Object[0]);
        }
        if (choice < 38) {
            return modify("add by lookup", def -> addByKeyLookup(def, 1), "t", new Object[] {key, delta});
        }
        if (choice < 46) {
            return modify("add by scan", def -> addByKeyScan(def, 0, 1), "t", new Object[] {key, delta});
        }
        if (choice < 54) {
            String text = text(random);
            return modify("set s by key", def -> updateWhere(def, 0, key, 2, text), "t", new Object[0]);
        }
        if (choice < 62) { // by predicate on the key or on the (data-dependent) value
            int column = random.nextBoolean() ? 0 : 1;
            long lo = column == 0 ? random.nextInt(KEYS) : random.nextInt(1000);
            long hi = lo + (column == 0 ? 1 + random.nextInt(8) : 1 + random.nextInt(200));
            boolean setText = random.nextBoolean();
            Object[] parameters = {lo, hi, delta, text(random)};
            return modify("update range " + column, def -> updateRange(def, column, 1, setText ? 2 : -1), "t", parameters);
        }
        if (choice < 68) {
            return modify("delete by key", def -> deleteWhere(def, 0, key), "t", new Object[0]);
        }
        if (choice < 72) {
            long lo = random.nextInt(1000);
            return modify("delete range v", def -> deleteRange(def, 1), "t", new Object[] {lo, lo + 1 + random.nextInt(60)});
        }
        if (choice < 82) {
            int count = 1 + random.nextInt(2);
            Object[][] rows = new Object[count][];
            for (int r = 0; r < count; r++) {
                rows[r] = new Object[] {(long) random.nextInt(20), text(random)};
            }
            return modify("insert u", def -> insert(def, rows), "u", new Object[0]);
        }
        if (choice < 86) {
            long lo = random.nextInt(20);
            Object[] parameters = {lo, lo + 1 + random.nextInt(5), (long) random.nextInt(3), text(random)};
            return modify("update u", def -> updateRange(def, 0, 0, 1), "u", parameters);
        }
        if (choice < 89) {
            long lo = random.nextInt(25);
            return modify("delete u", def -> deleteRange(def, 0), "u", new Object[] {lo, lo + 1 + random.nextInt(3)});
        }
        if (choice < 93) { // insert into w when the schedule has created it
            Object[] row = {random.nextInt(6), text(random)};
            return (tx, db) -> {
                Table w = db.catalog().current().table("public", "w");
                if (w == null) {
                    return "no w";
                }
                return "insert w " + tx.run(insert(w.def(), new Object[][] {row}), new Object[0]).affected();
            };
        }
        // SELECT with a predicate on the key or the value: rows compared sorted
        int column = random.nextBoolean() ? 0 : 1;
        long lo = column == 0 ? random.nextInt(KEYS) : random.nextInt(1000);
        long hi = lo + (column == 0 ? 1 + random.nextInt(10) : 1 + random.nextInt(300));
        return (tx, db) -> {
            TableDef def = db.catalog().current().table("public", "t").def();
            List<String> rows = new ArrayList<>();
            for (Object[] row : tx.run(selectRange(def, column), new Object[] {lo, hi}).rows()) {
                rows.add(typed(row));
            }
            rows.sort(Comparator.naturalOrder());
            return "select " + rows;
        };
    }

    /** Drops w if it exists, else creates it and inserts two rows, in one transaction. */
    private static Step toggleW(int salt) {
        return (tx, db) -> {
            if (db.catalog().current().table("public", "w") != null) {
                return "drop w " + tx.dropTable("public", "w");
            }
            TableDef def = tx.createTable(W, false);
            long inserted = tx.run(insert(def, new Object[] {salt % 3, "w" + salt}, new Object[] {3, null}), new Object[0]).affected();
            return "create w id=" + def.id() + " rows=" + inserted;
        };
    }

    private interface ProgramFor {
        Program build(TableDef def);
    }

    /** A statement on table {@code name} reporting its row count. */
    private static Step modify(String label, ProgramFor program, String name, Object[] parameters) {
        return (tx, db) -> {
            TableDef def = db.catalog().current().table("public", name).def();
            return label + " " + tx.run(program.build(def), parameters).affected();
        };
    }

    private static String text(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "a" + random.nextInt(10);
            default -> "ünïcode-" + random.nextInt(100);
        };
    }

    // ---- 2. no lost update -------------------------------------------------------------------

    private static final int COUNTER_KEYS = 64;
    private static final int THREADS = 6;
    private static final int OWN_KEYS = 6;
    /** Keys every thread increments: [SHARED_FIRST, SHARED_FIRST + SHARED_KEYS). Keys above stay 0. */
    private static final int SHARED_FIRST = 40;
    private static final int SHARED_KEYS = 8;
    private static final int TRANSACTIONS_PER_THREAD = 250;

    private static final TableDef C = new TableDef(0, "public", "c", List.of(
            new ColumnDef("k", SqlType.INTEGER, true),
            new ColumnDef("v", SqlType.BIGINT, true)), new int[] {0});

    /**
     * Threads run transactions of one to three {@code v = v + 1} statements (by LOOKUP on the
     * owning node, or by a filtered scan of every node), on their own keys and on keys all
     * threads share; some transactions declare only the nodes they need (and run side by side),
     * some are rolled back, some fail on a duplicate key. Every key must end at exactly the
     * number of its committed increments.
     *
     * <p>This is also the group-abort closure, exact: a transaction keeps its nodes until it
     * ends, so no later transaction can read the writes of one that fails; exactly the failing
     * transactions abort (each with its own 23505) and every other one commits (any other error
     * fails the test).
     */
    @Test
    void concurrentIncrementsOnEightNodesLoseNoUpdate() throws Exception {
        try (Database db = Database.open(temp.resolve("counters"), 8, WalSettings.defaults())) {
            Transaction setup = db.executor().begin();
            TableDef c = setup.createTable(C, false);
            Object[][] rows = new Object[COUNTER_KEYS][];
            for (int k = 0; k < COUNTER_KEYS; k++) {
                rows[k] = new Object[] {k, 0L};
            }
            setup.run(insert(c, rows), new Object[0]);
            setup.commit().get(10, TimeUnit.SECONDS);

            Program lookup = addByKeyLookup(c, 1);
            Program scan = addByKeyScan(c, 0, 1);
            Executor executor = db.executor();
            AtomicLongArray committed = new AtomicLongArray(COUNTER_KEYS);
            AtomicLongArray outcomes = new AtomicLongArray(4); // commits, rollbacks, failures, partial-node txs
            ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
            Thread[] threads = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads[t] = Thread.ofPlatform().name("incrementer-" + t).start(() -> {
                    try {
                        increment(executor, c, lookup, scan, thread, committed, outcomes);
                    } catch (Throwable e) {
                        problems.add(e);
                    }
                });
            }
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(90));
                assertTrue(!thread.isAlive(), thread.getName() + " did not finish");
            }
            if (!problems.isEmpty()) {
                Throwable first = problems.peek();
                throw new AssertionError(problems.size() + " thread(s) failed; first: " + first, first);
            }

            Transaction reader = executor.begin();
            List<List<Object>> finalRows = TablePrograms.rows(reader, c);
            reader.commit().get(10, TimeUnit.SECONDS);
            assertEquals(COUNTER_KEYS, finalRows.size());
            long total = 0;
            for (int k = 0; k < COUNTER_KEYS; k++) {
                List<Object> row = finalRows.get(k);
                assertEquals(k, ((Number) row.get(0)).intValue());
                assertEquals(committed.get(k), ((Number) row.get(1)).longValue(), "value of key " + k);
                total += committed.get(k);
            }
            assertTrue(outcomes.get(0) > THREADS * TRANSACTIONS_PER_THREAD / 2, "commits: " + outcomes);
            assertTrue(outcomes.get(1) > 0 && outcomes.get(2) > 0 && outcomes.get(3) > 0, "outcomes: " + outcomes);
            assertTrue(total > 0);
            for (int k = SHARED_FIRST; k < SHARED_FIRST + SHARED_KEYS; k++) {
                assertTrue(committed.get(k) > THREADS, "shared key " + k + " was contended: " + committed.get(k));
            }
        }
    }

    private static void increment(Executor executor, TableDef c, Program lookup, Program scan, int thread,
                                  AtomicLongArray committed, AtomicLongArray outcomes) throws Exception {
        Random random = new Random(SEED * 31 + thread);
        Program duplicate = insert(c, new Object[][] {{SHARED_FIRST, 0L}}); // key exists: 23505
        for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
            int statements = 1 + random.nextInt(3);
            int[] keys = new int[statements];
            Program[] programs = new Program[statements];
            boolean onlyLookups = true;
            for (int s = 0; s < statements; s++) {
                keys[s] = random.nextBoolean()
                        ? thread * OWN_KEYS + random.nextInt(OWN_KEYS)
                        : SHARED_FIRST + random.nextInt(SHARED_KEYS);
                programs[s] = random.nextInt(10) < 7 ? lookup : scan;
                onlyLookups &= programs[s] == lookup;
            }
            int ending = random.nextInt(100); // < 10 rollback, < 18 fail, else commit
            boolean fail = ending >= 10 && ending < 18;
            Transaction tx;
            if (onlyLookups && random.nextInt(10) < 7) {
                NodeSet nodes = NodeSet.none();
                for (int s = 0; s < statements; s++) {
                    nodes = nodes.union(executor.nodesFor(programs[s], new Object[] {keys[s], 1L}));
                }
                if (fail) {
                    nodes = nodes.union(executor.nodesFor(duplicate, new Object[0]));
                }
                tx = executor.begin(nodes);
                if (!nodes.isAll()) {
                    outcomes.incrementAndGet(3);
                }
            } else {
                tx = executor.begin();
            }
            try {
                for (int s = 0; s < statements; s++) {
                    long affected = tx.run(programs[s], new Object[] {keys[s], 1L}).affected();
                    assertEquals(1, affected, "increment of key " + keys[s]);
                }
                if (ending < 10) {
                    tx.rollback().get(10, TimeUnit.SECONDS);
                    outcomes.incrementAndGet(1);
                    continue;
                }
                if (fail) {
                    try {
                        tx.run(duplicate, new Object[0]);
                        throw new AssertionError("duplicate key was accepted");
                    } catch (SqlException expected) {
                        assertEquals("23505", expected.state().code());
                    }
                    tx.rollback().get(10, TimeUnit.SECONDS);
                    outcomes.incrementAndGet(2);
                    continue;
                }
                tx.commit().get(10, TimeUnit.SECONDS);
                outcomes.incrementAndGet(0);
                for (int key : keys) {
                    committed.incrementAndGet(key);
                }
            } catch (Throwable e) {
                tx.rollback();
                throw e;
            }
        }
    }
}
