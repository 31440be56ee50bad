package dev.amelie.compute;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.checkpoint.CheckpointSchedule;
import dev.amelie.compute.checkpoint.CheckpointSettings;
import dev.amelie.compute.checkpoint.Checkpointer;
import dev.amelie.compute.recovery.SnapshotLoader;
import dev.amelie.wal.snapshot.Snapshot;
import dev.amelie.wal.snapshot.SnapshotStore;
import dev.amelie.compute.executor.Executor;
import dev.amelie.compute.layout.ComputeAdmin;
import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.log.Change;
import dev.amelie.compute.log.ChangeCodec;
import dev.amelie.compute.recovery.Relocation;
import dev.amelie.compute.node.ComputeNode;
import dev.amelie.compute.recovery.LogReplayer;
import dev.amelie.wal.WalSettings;
import dev.amelie.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The storage and execution side of a server: catalog, compute nodes, executor and WAL over one
 * data directory. {@link #open} recovers from the WAL before any node starts.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** How long close waits for a node to finish what it runs before it stops without it. */
    private static final java.time.Duration NODE_STOP_PATIENCE = java.time.Duration.ofSeconds(10);

    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final CatalogStore catalog;
    private final WriteAheadLog wal;
    private final Executor executor;
    private final Checkpointer checkpointer;
    private final CheckpointSchedule checkpointSchedule;

    private final ComputeAdmin compute;

    private Database(Path dataDirectory, FileChannel lockChannel, FileLock lock, CatalogStore catalog,
                     ComputeNode[] nodes, ComputeLayout layout, WriteAheadLog wal, SnapshotStore snapshots,
                     long snapshotLsn, CheckpointSettings checkpointSettings) {
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.catalog = catalog;
        this.wal = wal;
        this.executor = new Executor(nodes, layout, catalog, wal);
        this.checkpointer = new Checkpointer(executor, catalog, wal, snapshots, snapshotLsn);
        this.checkpointSchedule = new CheckpointSchedule(checkpointer, wal, checkpointSettings);
        this.compute = new ComputeAdmin(executor, catalog, checkpointer);
    }

    /** As {@link #open(Path, int, WalSettings, CheckpointSettings)} with the default checkpoint triggers. */
    public static Database open(Path dataDirectory, int computeNodes, WalSettings walSettings) throws IOException {
        return open(dataDirectory, computeNodes, walSettings, CheckpointSettings.defaults());
    }

    /**
     * Opens the data directory (creating it if needed), takes its lock so no second server uses
     * it, loads the newest snapshot, replays the WAL after it and starts the compute nodes.
     * {@code computeNodes} is the node count of a new data directory; one that recorded its
     * compute layout keeps it (ALTER COMPUTE changes it).
     */
    public static Database open(Path dataDirectory, int computeNodes, WalSettings walSettings,
                                CheckpointSettings checkpointSettings) throws IOException {
        if (computeNodes < 1) {
            throw new IllegalArgumentException("compute nodes must be at least 1, got " + computeNodes);
        }
        Files.createDirectories(dataDirectory);
        FileChannel lockChannel = FileChannel.open(dataDirectory.resolve("amelie.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            throw new IOException("data directory " + dataDirectory + " is in use by another Amelie server");
        }
        try {
            CatalogStore catalog = new CatalogStore();
            long started = System.nanoTime();
            SnapshotStore snapshots = SnapshotStore.open(dataDirectory.resolve("snapshot"));
            long snapshotLsn = 0;
            ComputeLayout configured = ComputeLayout.uniform(computeNodes);
            ComputeLayout routing = configured;
            ComputeLayout recorded = null;
            Optional<Snapshot> newest = snapshots.newest();
            if (newest.isPresent()) {
                SnapshotLoader loader = new SnapshotLoader(catalog);
                snapshotLsn = loader.load(newest.get());
                routing = loader.layout();
                recorded = loader.layoutRecorded() ? routing : null;
                LOG.info("recovery: loaded snapshot {} (lsn={} rows={}) in {} ms", newest.get().directory(), snapshotLsn,
                        loader.rows(), (System.nanoTime() - started) / 1_000_000);
            }
            LogReplayer replayer = new LogReplayer(catalog, routing);
            long replayStarted = System.nanoTime();
            WriteAheadLog wal = WriteAheadLog.open(dataDirectory.resolve("wal"), walSettings, snapshotLsn, replayer::replay);
            LOG.info("recovered {} transactions after the snapshot up to LSN {} in {} ms ({} tables, {} ms in all)",
                    replayer.transactions(), Math.max(snapshotLsn, replayer.lastLsn()),
                    (System.nanoTime() - replayStarted) / 1_000_000, catalog.current().tables().size(),
                    (System.nanoTime() - started) / 1_000_000);
            if (snapshotLsn > 0) {
                wal.removeSegmentsThrough(snapshotLsn); // left behind when a crash came between snapshot and removal
            }
            if (replayer.recordedLayout() != null) {
                recorded = replayer.recordedLayout();
            }
            ComputeLayout layout = recorded != null ? recorded : configured;
            if (!layout.samePlacement(routing)) {
                long moved = Relocation.relocate(catalog, layout);
                LOG.info("recovery: {} rows moved to the nodes of compute layout {}", moved, layout.version());
            }
            if (recorded == null) {
                // From now on the layout is the data directory's, not the setting's: record it.
                wal.whenDurable(wal.append(ChangeCodec.encode(List.of(new Change.Layout(layout))))).join();
            } else if (layout.size() != computeNodes) {
                LOG.info("{} compute nodes, as the data directory recorded (the compute setting, {}, applies to a new "
                        + "data directory; ALTER COMPUTE SET changes the count)", layout.size(), computeNodes);
            }
            ComputeNode[] nodes = new ComputeNode[layout.maxNodeId() + 1];
            for (ComputeLayout.Node node : layout.nodes()) {
                nodes[node.id()] = new ComputeNode(node.id(), node.uuid());
                nodes[node.id()].start();
            }
            Database database = new Database(dataDirectory, lockChannel, lock, catalog, nodes, layout, wal, snapshots,
                    snapshotLsn, checkpointSettings);
            database.checkpointSchedule.start();
            return database;
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    public Executor executor() {
        return executor;
    }

    public CatalogStore catalog() {
        return catalog;
    }

    public WriteAheadLog wal() {
        return wal;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Takes checkpoints: SQL CHECKPOINT, backups and the schedule go through it. */
    public Checkpointer checkpointer() {
        return checkpointer;
    }

    public int computeNodes() {
        return executor.layout().size();
    }

    /** ALTER COMPUTE and SHOW COMPUTE. */
    public ComputeAdmin compute() {
        return compute;
    }

    /** Stops the nodes after their queued work, then flushes and closes the WAL. */
    @Override
    public void close() throws IOException {
        try {
            checkpointSchedule.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int id : executor.layout().nodeIds()) {
            ComputeNode node = executor.node(id);
            try {
                if (!node.stop(NODE_STOP_PATIENCE)) {
                    LOG.warn("compute node {} still busy after {} s; stopping without it (what it runs is not committed)",
                            node.id(), NODE_STOP_PATIENCE.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        wal.close();
        lock.release();
        lockChannel.close();
    }
}
