package dev.amelie.compute.layout;

import dev.amelie.compute.Database;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.Executor;
import dev.amelie.compute.executor.TablePrograms;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.compute.storage.HashSpace;
import dev.amelie.compute.storage.Partition;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.type.SqlType;
import dev.amelie.wal.WalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

import static dev.amelie.compute.executor.RangePrograms.addByKeyLookup;
import static dev.amelie.compute.executor.RangePrograms.addByKeyScan;
import static dev.amelie.compute.executor.TablePrograms.insert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ALTER COMPUTE while transactions run: increments by key (on the owning node only) and by scan
 * (on every node) go on while nodes are added and dropped; none is lost, every row ends on the
 * node its slot's owner is, and the layout and the rows come back after a restart (from the WAL,
 * and from a snapshot).
 */
@Timeout(120) // a hang guard, not a performance bound
class ComputeAdminTest {
    private static final int KEYS = 2000;
    private static final int THREADS = 4;
    private static final TableDef C = new TableDef(0, "public", "c", List.of(
            new ColumnDef("k", SqlType.INTEGER, true),
            new ColumnDef("v", SqlType.BIGINT, true)), new int[] {0});

    @TempDir
    Path temp;

    @Test
    void incrementsAreNotLostAndRowsFollowTheirSlotsWhileNodesComeAndGo() throws Exception {
        Path dir = temp.resolve("db");
        Map<Integer, Long> expected;
        ComputeLayout finalLayout;
        try (Database db = Database.open(dir, 2, WalSettings.defaults())) {
            Transaction setup = db.executor().begin();
            TableDef c = setup.createTable(C, false);
            Object[][] rows = new Object[KEYS][];
            for (int k = 0; k < KEYS; k++) {
                rows[k] = new Object[] {k, 0L};
            }
            setup.run(insert(c, rows), new Object[0]);
            setup.commit().get(10, TimeUnit.SECONDS);

            AtomicLongArray committed = new AtomicLongArray(KEYS);
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
            Thread[] threads = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                threads[t] = Thread.ofPlatform().name("incrementer-" + t).start(() -> {
                    try {
                        increment(db.executor(), c, new Random(seed), committed, stop);
                    } catch (Throwable e) {
                        problems.add(e);
                    }
                });
            }
            ComputeAdmin admin = db.compute();
            UUID named = UUID.fromString("7d3c1d2e-0000-4000-8000-000000000001");
            assertEquals(named, admin.addNode(named));
            admin.addNodes(1);
            assertEquals(4, db.executor().layout().size());
            assertBalanced(db.executor().layout());
            admin.dropNode(db.executor().layout().nodes().getFirst().uuid());
            assertEquals(3, db.executor().layout().size());
            admin.setNodes(2);
            admin.setNodes(3);
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
                assertFalse(thread.isAlive(), thread.getName() + " did not finish");
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(problems.size() + " thread(s) failed; first: " + problems.peek(), problems.peek());
            }
            finalLayout = db.executor().layout();
            assertEquals(3, finalLayout.size());
            assertBalanced(finalLayout);
            assertTrue(finalLayout.node(named) != null, "the named node stays (newest nodes are dropped first): " + finalLayout);
            expected = values(db, c);
            assertEquals(KEYS, expected.size());
            long total = 0;
            for (int k = 0; k < KEYS; k++) {
                assertEquals(committed.get(k), expected.get(k), "value of key " + k);
                total += committed.get(k);
            }
            assertTrue(total > 100, "increments ran meanwhile: " + total);
            assertRowsOnTheirOwners(db, finalLayout);
            List<ComputeAdmin.NodeStatus> status = admin.status();
            assertEquals(KEYS, status.stream().mapToLong(ComputeAdmin.NodeStatus::rows).sum());
            assertEquals(HashSpace.SIZE, status.stream().mapToInt(ComputeAdmin.NodeStatus::hashSlots).sum());
        }
        // The layout comes from the data directory, not from the count given at open.
        try (Database db = Database.open(dir, 7, WalSettings.defaults())) {
            assertTrue(finalLayout.samePlacement(db.executor().layout()), "layout after replay: " + db.executor().layout());
            assertEquals(expected, values(db, C));
            assertRowsOnTheirOwners(db, db.executor().layout());
            db.checkpointer().checkpoint();
        }
        try (Database db = Database.open(dir, 1, WalSettings.defaults())) {
            assertTrue(finalLayout.samePlacement(db.executor().layout()), "layout after the snapshot: " + db.executor().layout());
            assertEquals(expected, values(db, C));
            assertRowsOnTheirOwners(db, db.executor().layout());
            db.compute().setNodes(1);
            assertEquals(expected, values(db, C));
        }
        try (Database db = Database.open(dir, 4, WalSettings.defaults())) {
            assertEquals(1, db.executor().layout().size());
            assertEquals(expected, values(db, C));
        }
    }

    @Test
    void badRequestsGetPostgresErrorsAndChangeNothing() throws Exception {
        try (Database db = Database.open(temp.resolve("errors"), 1, WalSettings.defaults())) {
            ComputeAdmin admin = db.compute();
            assertState(SqlState.UNDEFINED_OBJECT, () -> admin.dropNode(UUID.randomUUID()));
            assertState(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    () -> admin.dropNode(db.executor().layout().nodes().getFirst().uuid()));
            assertState(SqlState.INVALID_PARAMETER_VALUE, () -> admin.setNodes(0));
            assertState(SqlState.INVALID_PARAMETER_VALUE, () -> admin.setNodes(ComputeAdmin.MAX_NODES + 1));
            UUID uuid = admin.addNode(null);
            assertState(SqlState.DUPLICATE_OBJECT, () -> admin.addNode(uuid));
            assertEquals(2, db.executor().layout().size());
        }
    }

    private static void assertState(SqlState state, Runnable action) {
        SqlException e = assertThrows(SqlException.class, action::run);
        assertEquals(state, e.state(), e.getMessage());
    }

    private static void increment(Executor executor, TableDef c, Random random, AtomicLongArray committed,
                                  AtomicBoolean stop) throws Exception {
        Program lookup = addByKeyLookup(c, 1);
        Program scan = addByKeyScan(c, 0, 1);
        while (!stop.get()) {
            int key = random.nextInt(KEYS);
            Object[] parameters = {key, 1L};
            boolean byKey = random.nextInt(10) < 8;
            Transaction tx = byKey ? executor.begin(executor.nodesFor(lookup, parameters)) : executor.begin();
            long affected = tx.run(byKey ? lookup : scan, parameters).affected();
            assertEquals(1, affected, "key " + key + " found (" + (byKey ? "by key" : "by scan") + ")");
            tx.commit().get(10, TimeUnit.SECONDS);
            committed.incrementAndGet(key);
        }
    }

    private static Map<Integer, Long> values(Database db, TableDef c) throws Exception {
        Transaction reader = db.executor().begin();
        Map<Integer, Long> values = new java.util.TreeMap<>();
        for (List<Object> row : TablePrograms.rows(reader, db.catalog().current().table("public", "c").def())) {
            values.put(((Number) row.get(0)).intValue(), ((Number) row.get(1)).longValue());
        }
        reader.commit().get(10, TimeUnit.SECONDS);
        return values;
    }

    private static void assertRowsOnTheirOwners(Database db, ComputeLayout layout) {
        Table table = db.catalog().current().table("public", "c");
        for (int node : table.partitionNodes()) {
            Partition partition = table.partition(node);
            for (Iterator<Map.Entry<Object, Object[]>> it = partition.iterator(); it.hasNext(); ) {
                Object key = it.next().getKey();
                assertEquals(layout.ownerOf(HashSpace.slot(key)), node, "node of key " + key);
            }
        }
    }

    private static void assertBalanced(ComputeLayout layout) {
        int[] counts = layout.slotCounts();
        for (int id : layout.nodeIds()) {
            assertTrue(Math.abs(counts[id] - HashSpace.SIZE / layout.size()) <= 1, "node " + id + " owns " + counts[id]);
        }
    }
}
