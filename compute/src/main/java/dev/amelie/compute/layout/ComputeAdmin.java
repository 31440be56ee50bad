package dev.amelie.compute.layout;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.checkpoint.Checkpointer;
import dev.amelie.compute.executor.Executor;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.compute.node.ComputeNode;
import dev.amelie.compute.storage.HashSpace;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * ALTER COMPUTE: adds and drops compute nodes while transactions run. Every change is a series of
 * small steps, each a transaction in the global order that installs the next layout as it enters
 * and is logged like any other: a node joins owning nothing; slots move a chunk at a time, the
 * rows going from the source node to the target while the step holds just those two nodes; a node
 * that owns nothing any more leaves. A crash between steps leaves the last logged layout, with
 * every row where that layout puts it.
 */
public final class ComputeAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeAdmin.class);
    /** Slots per move: 1/32 of the hash space, so one step moves a small share of the rows. */
    private static final int SLOTS_PER_MOVE = HashSpace.SIZE / 32;
    /** More threads than this is a typo, not a configuration. */
    public static final int MAX_NODES = 256;
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final Executor executor;
    private final CatalogStore catalog;
    private final Checkpointer checkpointer;
    /** One ALTER COMPUTE at a time: each plans from the layout the previous one left. */
    private final Object changing = new Object();

    public ComputeAdmin(Executor executor, CatalogStore catalog, Checkpointer checkpointer) {
        this.executor = executor;
        this.catalog = catalog;
        this.checkpointer = checkpointer;
    }

    /** What SHOW COMPUTE shows of one node. */
    public record NodeStatus(UUID uuid, int id, String thread, int partitions, int hashSlots, long rows,
                             long transactions, int queueDepth, long busyNanos) {}

    public List<NodeStatus> status() {
        ComputeLayout layout = executor.layout();
        int[] slots = layout.slotCounts();
        List<NodeStatus> rows = new ArrayList<>();
        for (ComputeLayout.Node node : layout.nodes()) {
            ComputeNode running = executor.node(node.id());
            long stored = 0;
            for (Table table : catalog.current().tables()) {
                // Read from this thread while the node may write: a count for operators, not a result.
                stored += table.partition(node.id()).size();
            }
            rows.add(new NodeStatus(node.uuid(), node.id(), running.threadName(), layout.rangesOf(node.id()),
                    slots[node.id()], stored, running.tasksRun(), running.queueDepth(), running.busyNanos()));
        }
        return rows;
    }

    /** ALTER COMPUTE ADD NODE ['uuid']: returns the new node's UUID. */
    public UUID addNode(UUID uuid) {
        synchronized (changing) {
            UUID named = uuid != null ? uuid : UUID.randomUUID();
            if (executor.layout().node(named) != null) {
                throw new SqlException(SqlState.DUPLICATE_OBJECT, "compute node \"" + named + "\" already exists");
            }
            reshape(List.of(named), Set.of());
            return named;
        }
    }

    /** ALTER COMPUTE ADD n. */
    public void addNodes(int count) {
        synchronized (changing) {
            setNodes(executor.layout().size() + count);
        }
    }

    /** ALTER COMPUTE DROP NODE 'uuid': its slots go to the other nodes first. */
    public void dropNode(UUID uuid) {
        synchronized (changing) {
            ComputeLayout layout = executor.layout();
            ComputeLayout.Node node = layout.node(uuid);
            if (node == null) {
                throw new SqlException(SqlState.UNDEFINED_OBJECT, "compute node \"" + uuid + "\" does not exist");
            }
            if (layout.size() == 1) {
                throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cannot drop the last compute node");
            }
            reshape(List.of(), Set.of(node.id()));
        }
    }

    /** ALTER COMPUTE SET n: adds nodes, or drops the newest ones, until there are {@code count}. */
    public void setNodes(int count) {
        if (count < 1 || count > MAX_NODES) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "the number of compute nodes must be between 1 and "
                    + MAX_NODES + ", got " + count);
        }
        synchronized (changing) {
            ComputeLayout layout = executor.layout();
            List<UUID> adding = new ArrayList<>();
            for (int n = layout.size(); n < count; n++) {
                adding.add(UUID.randomUUID());
            }
            Set<Integer> draining = new HashSet<>();
            int[] ids = layout.nodeIds();
            for (int i = ids.length - 1; i >= count; i--) {
                draining.add(ids[i]);
            }
            reshape(adding, draining);
        }
    }

    private void reshape(List<UUID> adding, Set<Integer> draining) {
        if (executor.layout().size() + adding.size() > MAX_NODES) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "at most " + MAX_NODES + " compute nodes");
        }
        long started = System.nanoTime();
        for (UUID uuid : adding) {
            join(uuid);
        }
        List<Rebalance.Move> moves = Rebalance.plan(executor.layout(), draining, SLOTS_PER_MOVE);
        long rows = 0;
        for (Rebalance.Move move : moves) {
            rows += move(move);
        }
        for (int id : draining) {
            leave(id);
        }
        LOG.info("compute: {} node(s) added, {} dropped; {} moves carried {} rows; {} nodes now (layout {}) in {} ms",
                adding.size(), draining.size(), moves.size(), rows, executor.layout().size(), executor.layout().version(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A new node starts and joins the layout owning no slot. */
    private void join(UUID uuid) {
        checkpointer.whileNoCheckpoint(() -> {
            ComputeLayout next = executor.layout().withNode(uuid);
            ComputeLayout.Node added = next.nodes().getLast();
            ComputeNode node = new ComputeNode(added.id(), uuid);
            node.start();
            executor.addNode(node);
            Transaction step = executor.beginLayoutChange(next, new BitSet());
            step.enter();
            commit(step);
        });
    }

    /** Moves one chunk of slots, and their rows in every table; returns how many rows moved. */
    private long move(Rebalance.Move move) {
        long[] moved = new long[1];
        checkpointer.whileNoCheckpoint(() -> {
            long started = System.nanoTime();
            ComputeLayout next = executor.layout().withSlotsMoved(move.slots(), move.target());
            BitSet hold = new BitSet();
            hold.set(move.source());
            hold.set(move.target());
            boolean[] moving = new boolean[HashSpace.SIZE];
            for (int slot : move.slots()) {
                moving[slot] = true;
            }
            Transaction step = executor.beginLayoutChange(next, hold);
            try {
                // Read on the source's thread, after every earlier transaction there is done.
                Map<Table, List<Map.Entry<Object, Object[]>>> leaving = step.onNode(move.source(), source -> {
                    Map<Table, List<Map.Entry<Object, Object[]>>> rows = new LinkedHashMap<>();
                    for (Table table : catalog.current().tables()) {
                        rows.put(table, table.detach(source, slot -> moving[slot]));
                    }
                    return rows;
                });
                step.onNode(move.target(), target -> {
                    leaving.forEach((table, rows) -> table.attach(target, rows));
                    return null;
                });
                moved[0] = leaving.values().stream().mapToLong(List::size).sum();
            } finally {
                commit(step);
            }
            LOG.info("compute: partition move of {} hash slots, {} rows, from node {} to node {} (layout {}) in {} µs",
                    move.slots().length, moved[0], move.source(), move.target(), next.version(),
                    (System.nanoTime() - started) / 1_000);
        });
        return moved[0];
    }

    /** A node that owns nothing leaves the layout; its thread ends after what was queued before. */
    private void leave(int id) {
        checkpointer.whileNoCheckpoint(() -> {
            ComputeLayout next = executor.layout().withoutNode(id);
            Transaction step = executor.beginLayoutChange(next, new BitSet());
            step.enter();
            commit(step);
        });
        try {
            if (!executor.node(id).awaitStopped(STOP_PATIENCE)) {
                LOG.warn("compute node {} still busy {} s after it left the layout", id, STOP_PATIENCE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A layout step always commits: once installed, transactions after it already route by the
     * new layout, so there is nothing to roll back to. Only a failed log stops it (the server is
     * then fail-stop, and recovery goes back to the last logged layout).
     */
    private static void commit(Transaction step) {
        try {
            step.commit().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
