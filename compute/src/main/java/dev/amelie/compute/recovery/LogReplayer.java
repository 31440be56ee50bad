package dev.amelie.compute.recovery;

import dev.amelie.compute.catalog.Sequence;
import dev.amelie.compute.catalog.SequenceDef;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.log.Change;
import dev.amelie.compute.log.ChangeCodec;
import dev.amelie.compute.storage.HashSpace;
import dev.amelie.compute.storage.RowKey;

/**
 * Applies logged transactions to the catalog and the partitions at start, before the compute
 * nodes run (so touching partitions from this one thread is safe). Rows are placed by one layout
 * throughout (the one recovery started with), whatever layouts the log records: a key always
 * lands where its earlier changes did. {@link Relocation} then moves rows to the layout the log
 * ended with.
 */
public final class LogReplayer {
    private final CatalogStore catalog;
    private final ComputeLayout routing;
    /** The last layout the log recorded (ALTER COMPUTE), or null. */
    private ComputeLayout recordedLayout;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogReplayer.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private long transactions;
    private long lastLsn;
    private final long started = System.nanoTime();
    private long lastProgress = started;

    public LogReplayer(CatalogStore catalog, ComputeLayout routing) {
        this.catalog = catalog;
        this.routing = routing;
    }

    /** The layout of the last ALTER COMPUTE step in the log; null when the log has none. */
    public ComputeLayout recordedLayout() {
        return recordedLayout;
    }

    public void replay(long lsn, byte[] payload) {
        for (Change change : ChangeCodec.decode(payload)) {
            apply(change, lsn);
        }
        transactions++;
        lastLsn = lsn;
        if ((transactions & 1023) == 0 && System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS) {
            lastProgress = System.nanoTime();
            LOG.info("recovery: {} transactions of the WAL replayed, up to LSN {}, in {} s", transactions, lsn,
                    (lastProgress - started) / 1_000_000_000);
        }
    }

    public long transactions() {
        return transactions;
    }

    public long lastLsn() {
        return lastLsn;
    }

    private void apply(Change change, long lsn) {
        switch (change) {
            case Change.CreateTable(TableDef def) -> catalog.update(c -> c.withTable(new Table(def)));
            case Change.Layout(ComputeLayout layout) -> recordedLayout = layout;
            case Change.DropTable(long tableId) -> catalog.update(c -> c.withoutTable(tableId));
            case Change.CreateSequence(SequenceDef def) -> catalog.update(c -> c.withSequence(new Sequence(def)));
            case Change.DropSequence(String schema, String name) -> catalog.update(c -> c.withoutSequence(schema, name));
            case Change.SequenceState(String schema, String name, long lastValue, boolean called, long version) -> {
                Sequence sequence = catalog.current().sequence(schema, name);
                if (sequence == null) {
                    throw new IllegalStateException("WAL record " + lsn + " sets sequence " + name + ", which does not exist at that point");
                }
                sequence.restore(new Sequence.State(lastValue, called, version));
            }
            case Change.TruncateTable(long tableId) -> {
                Table emptied = table(tableId, lsn).emptied();
                catalog.update(c -> c.withTable(emptied));
            }
            case Change.AddPrimaryKey(long tableId, int[] primaryKey) -> {
                Table keyed = table(tableId, lsn).withPrimaryKey(primaryKey, routing::ownerOf);
                catalog.update(c -> c.withTable(keyed));
            }
            case Change.CreateView(var view) -> catalog.update(c -> c.withView(view));
            case Change.CreateIndex(var index) -> {
                Table indexed = table(index.tableId(), lsn).withIndex(index);
                catalog.update(c -> c.withTable(indexed));
            }
            case Change.DropIndex(long tableId, String name) -> {
                Table fewer = table(tableId, lsn).withoutIndex(name);
                catalog.update(c -> c.withTable(fewer));
            }
            case Change.DropView(String schema, String name) -> catalog.update(c -> c.withoutView(schema, name));
            case Change.CreateSchema(String schema) -> catalog.update(c -> c.withSchema(schema));
            case Change.AddColumn(long tableId, var column, Object value) -> {
                Table wider = table(tableId, lsn).withColumn(column, value);
                catalog.update(c -> c.withTable(wider));
            }
            case Change.TableDefinition(TableDef def) -> {
                Table changed = table(def.id(), lsn).withDefinition(def);
                catalog.update(c -> c.withTable(changed));
            }
            case Change.DropColumn(long tableId, int position) -> {
                Table narrower = table(tableId, lsn).withoutColumn(position, routing::ownerOf);
                catalog.update(c -> c.withTable(narrower));
            }
            case Change.DropSchema(String schema) -> catalog.update(c -> c.withoutSchema(schema));
            case Change.RoleDefinition(var role) -> catalog.update(c -> c.withAccess(c.access().withRole(role)));
            case Change.DropRole(long oid) -> catalog.update(c -> c.withAccess(c.access().withoutRole(oid)));
            case Change.ObjectPrivileges(var target, var acl) -> catalog.update(c -> c.withAccess(c.access().withAcl(target, acl)));
            case Change.Insert(long tableId, Object[] row) -> {
                Table table = table(tableId, lsn);
                TableDef def = table.def();
                if (!def.hasPrimaryKey()) {
                    table.observeRowId(((Number) row[def.columns().size()]).longValue());
                }
                Object key = RowKey.of(def, row);
                table.put(home(table, key), key, row);
            }
            case Change.Update(long tableId, Object[] oldKeyValues, Object[] row) -> {
                Table table = table(tableId, lsn);
                Object oldKey = RowKey.fromValues(oldKeyValues);
                table.remove(home(table, oldKey), oldKey);
                Object key = RowKey.of(table.def(), row);
                table.put(home(table, key), key, row);
            }
            case Change.Delete(long tableId, Object[] keyValues) -> {
                Table table = table(tableId, lsn);
                Object key = RowKey.fromValues(keyValues);
                table.remove(home(table, key), key);
            }
        }
    }

    private Table table(long tableId, long lsn) {
        Table table = catalog.current().table(tableId);
        if (table == null) {
            throw new IllegalStateException("WAL record " + lsn + " changes table id " + tableId + ", which does not exist at that point");
        }
        return table;
    }

    private int home(Table table, Object key) {
        return routing.ownerOf(HashSpace.slot(key));
    }
}
