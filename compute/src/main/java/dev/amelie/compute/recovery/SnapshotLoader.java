package dev.amelie.compute.recovery;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.Sequence;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.checkpoint.SnapshotLayout;
import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.log.Change;
import dev.amelie.compute.log.ChangeCodec;
import dev.amelie.compute.storage.HashSpace;
import dev.amelie.compute.storage.RowKey;
import dev.amelie.wal.snapshot.Snapshot;
import dev.amelie.wal.snapshot.SnapshotCorruptedException;
import dev.amelie.wal.snapshot.SnapshotFileReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a snapshot (see {@link SnapshotLayout}) into an empty catalog before the compute nodes
 * start. Partition files load in parallel, one thread per core: the file of node i fills node
 * i's partition, which no other thread touches, and holds only rows whose slots the snapshot's
 * compute layout gives to node i. (Snapshots written before layouts were recorded had nodes
 * 0…n-1 with equal ranges: {@link ComputeLayout#uniform}.)
 */
public final class SnapshotLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final CatalogStore catalog;
    private final AtomicLong rows = new AtomicLong();
    private ComputeLayout layout;
    private boolean layoutRecorded;

    public SnapshotLoader(CatalogStore catalog) {
        this.catalog = catalog;
    }

    /** The compute layout the snapshot's rows are placed by (after {@link #load}). */
    public ComputeLayout layout() {
        return layout;
    }

    /** Whether the snapshot recorded its layout (else it predates layouts and had uniform ones). */
    public boolean layoutRecorded() {
        return layoutRecorded;
    }

    public long rows() {
        return rows.get();
    }

    /** Loads the snapshot; returns its LSN, after which the WAL replay starts. */
    public long load(Snapshot snapshot) throws IOException {
        SnapshotLayout.Header header = loadCatalog(snapshot);
        if (header.lsn() != snapshot.lsn()) {
            throw new SnapshotCorruptedException(snapshot.directory().resolve(SnapshotLayout.CATALOG), 0,
                    "the catalog says LSN " + header.lsn() + " but the directory is named for LSN " + snapshot.lsn());
        }
        if (layout == null) {
            layout = ComputeLayout.uniform(header.partitions());
        }
        List<String> files = partitionFiles(snapshot);
        loadInParallel(snapshot, files, System.nanoTime());
        for (Table table : catalog.current().tables()) {
            table.rebuildIndexes(); // the rows went into the partitions directly, in parallel
        }
        return header.lsn();
    }

    private SnapshotLayout.Header loadCatalog(Snapshot snapshot) throws IOException {
        try (SnapshotFileReader reader = snapshot.open(SnapshotLayout.CATALOG)) {
            byte[] first = reader.next();
            byte[] second = first == null ? null : reader.next();
            if (second == null || reader.next() != null) {
                throw new SnapshotCorruptedException(snapshot.directory().resolve(SnapshotLayout.CATALOG), 0,
                        "the catalog file must hold exactly a header and the catalog");
            }
            SnapshotLayout.Header header;
            try {
                header = SnapshotLayout.Header.decode(first);
            } catch (IllegalArgumentException e) {
                throw new SnapshotCorruptedException(reader.path(), 0, e.getMessage());
            }
            for (Change change : ChangeCodec.decode(second)) {
                switch (change) {
                    case Change.CreateTable(TableDef def) -> catalog.update(c -> c.withTable(new Table(def)));
                    case Change.Layout(ComputeLayout recorded) -> {
                        layout = recorded;
                        layoutRecorded = true;
                    }
                    case Change.CreateView(var view) -> catalog.update(c -> c.withView(view));
                    case Change.CreateSchema(String schema) -> catalog.update(c -> c.withSchema(schema));
                    case Change.RoleDefinition(var role) -> catalog.update(c -> c.withAccess(c.access().withRole(role)));
                    case Change.DropRole(long oid) -> catalog.update(c -> c.withAccess(c.access().withoutRole(oid)));
                    case Change.ObjectPrivileges(var target, var acl) ->
                            catalog.update(c -> c.withAccess(c.access().withAcl(target, acl)));
                    case Change.CreateIndex(var index) -> {
                        Table indexed = catalog.current().table(index.tableId()).withIndex(index);
                        catalog.update(c -> c.withTable(indexed));
                    }
                    case Change.CreateSequence(var def) -> catalog.update(c -> c.withSequence(new Sequence(def)));
                    case Change.SequenceState(String schema, String name, long lastValue, boolean called, long version) ->
                            catalog.current().sequence(schema, name).restore(new Sequence.State(lastValue, called, version));
                    default -> throw new SnapshotCorruptedException(snapshot.directory().resolve(SnapshotLayout.CATALOG), 0,
                            "unexpected change in a snapshot catalog: " + change.getClass().getSimpleName());
                }
            }
            catalog.update(c -> c.withLastTableId(header.lastTableId()));
            return header;
        }
    }

    /** Every partition file of every table must be there: a missing one would silently lose its rows. */
    private List<String> partitionFiles(Snapshot snapshot) throws IOException {
        Set<String> present = new HashSet<>(snapshot.files());
        List<String> files = new ArrayList<>();
        for (Table table : catalog.current().tables()) {
            for (int p : layout.nodeIds()) {
                String name = SnapshotLayout.partitionFile(table.def().id(), p);
                if (!present.remove(name)) {
                    throw new SnapshotCorruptedException(snapshot.directory().resolve(name), 0,
                            "the file is missing (table " + table.def().name() + ", partition " + p + ")");
                }
                files.add(name);
            }
        }
        present.remove(SnapshotLayout.CATALOG);
        if (!present.isEmpty()) {
            throw new SnapshotCorruptedException(snapshot.directory().resolve(present.iterator().next()), 0,
                    "a file that belongs to no table of the snapshot's catalog");
        }
        return files;
    }

    private void loadInParallel(Snapshot snapshot, List<String> files, long started) throws IOException {
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ProgressLog progress = new ProgressLog(started);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("amelie-snapshot-load-", 0).factory())) {
            List<Future<?>> loads = new ArrayList<>();
            for (String file : files) {
                loads.add(pool.submit(() -> {
                    loadFile(snapshot, file, progress);
                    return null;
                }));
            }
            for (Future<?> load : loads) {
                try {
                    load.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException("loading snapshot " + snapshot.directory() + " failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while loading snapshot " + snapshot.directory(), e);
                }
            }
        }
    }

    private void loadFile(Snapshot snapshot, String file, ProgressLog progress) throws IOException {
        SnapshotLayout.PartitionFile name = SnapshotLayout.parsePartitionFile(file);
        Table table = catalog.current().table(name.tableId());
        TableDef def = table.def();
        try (SnapshotFileReader reader = snapshot.open(file)) {
            for (byte[] block = reader.next(); block != null; block = reader.next()) {
                List<Change> changes = ChangeCodec.decode(block);
                for (Change change : changes) {
                    if (!(change instanceof Change.Insert(long tableId, Object[] row)) || tableId != def.id()) {
                        throw new SnapshotCorruptedException(snapshot.directory().resolve(file), 0,
                                "a block holds something else than rows of table " + def.name());
                    }
                    if (!def.hasPrimaryKey()) {
                        table.observeRowId(((Number) row[def.columns().size()]).longValue());
                    }
                    Object key = RowKey.of(def, row);
                    int index = layout.ownerOf(HashSpace.slot(key));
                    if (index != name.partition()) {
                        // Files load on separate threads only because each fills its own partition.
                        throw new SnapshotCorruptedException(snapshot.directory().resolve(file), 0,
                                "a row of partition " + index + " in the file of partition " + name.partition());
                    }
                    table.partition(index).put(key, row);
                }
                progress.add(changes.size());
            }
        }
    }

    /** A log line every few seconds while a big snapshot loads. */
    private final class ProgressLog {
        private final long started;
        private final AtomicLong lastLogged;

        ProgressLog(long started) {
            this.started = started;
            this.lastLogged = new AtomicLong(started);
        }

        void add(long loaded) {
            long total = rows.addAndGet(loaded);
            long now = System.nanoTime();
            long last = lastLogged.get();
            if (now - last >= PROGRESS_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
                LOG.info("recovery: {} rows of the snapshot loaded in {} s", total, (now - started) / 1_000_000_000);
            }
        }
    }
}
