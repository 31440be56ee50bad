package dev.amelie.compute.checkpoint;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.Sequence;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.ViewDef;
import dev.amelie.compute.executor.Executor;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.log.Change;
import dev.amelie.compute.log.ChangeCodec;
import dev.amelie.wal.WriteAheadLog;
import dev.amelie.wal.snapshot.Snapshot;
import dev.amelie.wal.snapshot.SnapshotBuilder;
import dev.amelie.wal.snapshot.SnapshotFileWriter;
import dev.amelie.wal.snapshot.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Writes a snapshot of the whole database as of one point in the transaction order, then drops
 * the WAL segments it makes unneeded.
 *
 * <p>The point is a transaction that holds every compute node for two short steps: first it
 * waits until each node has finished what was ordered before it (so the WAL holds exactly the
 * transactions before the point), then each node freezes its partitions (see
 * {@link dev.amelie.compute.storage.Partition#freeze()}). The nodes go back to work at once and
 * this thread writes the frozen maps; a second such transaction folds the changes made meanwhile
 * back in. One checkpoint at a time; callers of {@link #checkpoint()} queue.
 */
public final class Checkpointer {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Executor executor;
    private final CatalogStore catalog;
    private final WriteAheadLog wal;
    private final SnapshotStore snapshots;
    private long lastSnapshotLsn;

    public Checkpointer(Executor executor, CatalogStore catalog, WriteAheadLog wal, SnapshotStore snapshots,
                        long lastSnapshotLsn) {
        this.executor = executor;
        this.catalog = catalog;
        this.wal = wal;
        this.snapshots = snapshots;
        this.lastSnapshotLsn = lastSnapshotLsn;
    }

    /** The LSN of the newest complete snapshot, 0 when there is none. */
    public synchronized long lastSnapshotLsn() {
        return lastSnapshotLsn;
    }

    /**
     * Takes a checkpoint now and returns once the snapshot is durable. A failure (disk full, …)
     * leaves the previous snapshot and the WAL as they were.
     */
    public synchronized CheckpointResult checkpoint() throws IOException {
        long started = System.nanoTime();
        if (wal.lastAppendedLsn() == lastSnapshotLsn && lastSnapshotLsn > 0) {
            return new CheckpointResult(lastSnapshotLsn, 0, 0, 0, 0, 0, true);
        }
        FrozenDatabase frozen = freeze();
        long pauseNanos = frozen.holdNanos();
        long rows = 0;
        long bytes = 0;
        try {
            awaitDurable(frozen.lsn());
            try (SnapshotBuilder builder = snapshots.begin(frozen.lsn())) {
                bytes += writeCatalog(builder, frozen);
                for (List<FrozenDatabase.FrozenPartition> ofNode : frozen.partitions().values()) {
                    for (FrozenDatabase.FrozenPartition partition : ofNode) {
                        long[] written = writePartition(builder, partition);
                        rows += written[0];
                        bytes += written[1];
                    }
                }
                builder.complete();
            }
        } finally {
            pauseNanos += thaw(frozen);
        }
        lastSnapshotLsn = frozen.lsn();
        snapshots.removeOlderThan(frozen.lsn());
        int removed = (int) wal.removeSegmentsThrough(frozen.lsn());
        CheckpointResult result = new CheckpointResult(frozen.lsn(), rows, bytes, pauseNanos / 1_000,
                (System.nanoTime() - started) / 1_000_000, removed, false);
        LOG.info(result.describe());
        return result;
    }

    /**
     * Runs {@code use} with the newest snapshot while no checkpoint can remove it (a backup
     * copies it so). Takes a checkpoint first when the WAL has moved past the newest one, so the
     * snapshot holds every transaction committed before this call.
     */
    public synchronized Snapshot withFreshSnapshot(SnapshotUse use) throws IOException {
        checkpoint();
        Snapshot snapshot = snapshots.newest().orElseThrow(() -> new IOException("no snapshot after a checkpoint"));
        use.accept(snapshot);
        return snapshot;
    }

    /** What to do with a snapshot while it cannot go away. */
    @FunctionalInterface
    public interface SnapshotUse {
        void accept(Snapshot snapshot) throws IOException;
    }

    private FrozenDatabase freeze() {
        Transaction transaction = executor.begin();
        try {
            transaction.onEveryNode(node -> { }); // everything ordered before is done everywhere
            long held = System.nanoTime();
            Catalog current = catalog.current();
            long lsn = wal.lastAppendedLsn();
            List<Change> catalogChanges = catalogChanges(current, transaction.layout());
            Map<Integer, List<FrozenDatabase.FrozenPartition>> partitions = new java.util.TreeMap<>();
            for (int id : transaction.layout().nodeIds()) {
                partitions.put(id, new ArrayList<>());
            }
            List<Table> tables = new ArrayList<>(current.tables());
            tables.sort(Comparator.comparingLong(t -> t.def().id()));
            transaction.onEveryNode(node -> {
                List<FrozenDatabase.FrozenPartition> mine = partitions.get(node);
                for (Table table : tables) {
                    Map<Object, Object[]> rows = table.partition(node).freeze();
                    mine.add(new FrozenDatabase.FrozenPartition(table, node, table.partition(node), rows));
                }
            });
            transaction.commit(); // no changes: releases the nodes, writes nothing
            return new FrozenDatabase(lsn, current, catalogChanges, partitions, System.nanoTime() - held);
        } finally {
            if (transaction.holdsNodes()) {
                transaction.rollback();
            }
        }
    }

    /**
     * Runs {@code step} while no checkpoint is under way: an ALTER COMPUTE step must not move
     * rows out of a frozen partition or retire a node that still has one to thaw.
     */
    public synchronized void whileNoCheckpoint(Runnable step) {
        step.run();
    }

    /** Returns how long the nodes were held (from when all had arrived). */
    private long thaw(FrozenDatabase frozen) {
        Transaction transaction = executor.begin();
        try {
            transaction.onEveryNode(node -> { });
            long held = System.nanoTime();
            transaction.onEveryNode(node -> {
                for (FrozenDatabase.FrozenPartition partition : frozen.partitions().getOrDefault(node, List.of())) {
                    partition.partition().thaw();
                }
            });
            transaction.commit();
            return System.nanoTime() - held;
        } finally {
            if (transaction.holdsNodes()) {
                transaction.rollback();
            }
        }
    }

    private static List<Change> catalogChanges(Catalog catalog, ComputeLayout layout) {
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.Layout(layout));
        catalog.createdSchemas().stream().sorted().forEach(schema -> changes.add(new Change.CreateSchema(schema)));
        catalog.tables().stream().sorted(Comparator.comparingLong(t -> t.def().id())).forEach(t -> {
            changes.add(new Change.CreateTable(t.def()));
            t.indexes().forEach(index -> changes.add(new Change.CreateIndex(index.def())));
        });
        for (ViewDef view : catalog.viewsByName().values()) {
            changes.add(new Change.CreateView(view));
        }
        for (Sequence sequence : catalog.sequencesByName().values()) {
            Sequence.State state = sequence.state();
            changes.add(new Change.CreateSequence(sequence.def()));
            changes.add(new Change.SequenceState(sequence.def().schema(), sequence.def().name(), state.lastValue(),
                    state.called(), state.version()));
        }
        // Roles first (the bootstrap superuser too: ALTER ROLE may have changed it), then privileges, whose objects exist by now.
        catalog.access().rolesByName().values().stream().sorted(Comparator.comparingLong(dev.amelie.compute.catalog.RoleDef::oid))
                .forEach(role -> changes.add(new Change.RoleDefinition(role)));
        catalog.access().acls().forEach((target, acl) -> changes.add(new Change.ObjectPrivileges(target, acl)));
        return changes;
    }

    private long writeCatalog(SnapshotBuilder builder, FrozenDatabase frozen) throws IOException {
        try (SnapshotFileWriter file = builder.create(SnapshotLayout.CATALOG)) {
            file.append(new SnapshotLayout.Header(frozen.lsn(), frozen.catalog().lastTableId(),
                    frozen.partitions().size()).encode());
            file.append(ChangeCodec.encode(frozen.catalogChanges()));
            file.close();
            return file.bytesWritten();
        }
    }

    /** Returns {rows, bytes}. */
    private static long[] writePartition(SnapshotBuilder builder, FrozenDatabase.FrozenPartition partition)
            throws IOException {
        long tableId = partition.table().def().id();
        long rows = 0;
        try (SnapshotFileWriter file = builder.create(SnapshotLayout.partitionFile(tableId, partition.index()))) {
            List<Change> block = new ArrayList<>(SnapshotLayout.ROWS_PER_BLOCK);
            for (Object[] row : partition.rows().values()) {
                block.add(new Change.Insert(tableId, row));
                if (block.size() == SnapshotLayout.ROWS_PER_BLOCK) {
                    file.append(ChangeCodec.encode(block));
                    rows += block.size();
                    block.clear();
                }
            }
            if (!block.isEmpty()) {
                file.append(ChangeCodec.encode(block));
                rows += block.size();
            }
            file.close();
            return new long[] {rows, file.bytesWritten()};
        }
    }

    private void awaitDurable(long lsn) throws IOException {
        try {
            wal.whenDurable(lsn).join();
        } catch (CompletionException e) {
            throw new IOException("the WAL failed before the checkpoint's point was durable: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
