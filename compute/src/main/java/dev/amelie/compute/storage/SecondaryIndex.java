package dev.amelie.compute.storage;

import dev.amelie.compute.catalog.IndexDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.value.Values;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entries of one secondary index of one table: per partition, the row keys of each indexed
 * value (for lookups, confined to the partition's node like the partition itself), and for a
 * UNIQUE index one map over all partitions from value to row key, which is what enforces
 * uniqueness across nodes. Writes to a table with a unique index take every node (see the
 * executor), so two transactions never race on it; the nodes of one transaction do, hence the
 * concurrent map.
 */
public final class SecondaryIndex {
    private final IndexDef def;
    private final TableDef table;
    /** Indexed by node id, grown as nodes are added; each map confined to its node's thread. */
    private volatile Map<Object, Set<Object>>[] byPartition;
    private final ConcurrentHashMap<Object, Object> unique;

    @SuppressWarnings("unchecked")
    public SecondaryIndex(IndexDef def, TableDef table) {
        this.def = def;
        this.table = table;
        this.byPartition = new Map[0];
        this.unique = def.unique() ? new ConcurrentHashMap<>() : null;
    }

    /** The entries of one node's partition, made at first use. */
    private Map<Object, Set<Object>> entries(int partition) {
        Map<Object, Set<Object>>[] maps = byPartition;
        if (partition < maps.length && maps[partition] != null) {
            return maps[partition];
        }
        return grow(partition);
    }

    private synchronized Map<Object, Set<Object>> grow(int partition) {
        Map<Object, Set<Object>>[] maps = byPartition;
        if (partition < maps.length && maps[partition] != null) {
            return maps[partition];
        }
        maps = java.util.Arrays.copyOf(maps, Math.max(maps.length, partition + 1));
        maps[partition] = new HashMap<>();
        byPartition = maps;
        return maps[partition];
    }

    /** Takes a row's entry out of one partition's map only: the row moves to another node (ALTER COMPUTE). */
    public void detach(int partition, Object rowKey, Object[] row) {
        removeFromPartition(partition, valueOf(row), rowKey);
    }

    /** Adds the entry of a row {@link #detach detached} from another node. */
    public void attach(int partition, Object rowKey, Object[] row) {
        entries(partition).computeIfAbsent(valueOf(row), v -> new LinkedHashSet<>()).add(rowKey);
    }

    public IndexDef def() {
        return def;
    }

    /** The index value of a row; null when a unique index must not see it (a NULL in a column: NULLs are distinct). */
    Object valueOf(Object[] row) {
        Object[] values = new Object[def.columns().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row[def.columns()[i]];
        }
        return RowKey.fromValues(values);
    }

    private boolean hasNull(Object[] row) {
        for (int column : def.columns()) {
            if (row[column] == null) {
                return true;
            }
        }
        return false;
    }

    /** Adds a stored row; a UNIQUE index refuses a value another row has (23505), changing nothing. */
    public void add(int partition, Object rowKey, Object[] row) {
        Object value = valueOf(row);
        if (unique != null && !hasNull(row)) {
            Object holder = unique.putIfAbsent(value, rowKey);
            if (holder != null && !holder.equals(rowKey)) {
                throw violation(row);
            }
        }
        entries(partition).computeIfAbsent(value, v -> new LinkedHashSet<>()).add(rowKey);
    }

    /** As {@link #add} while the index is built from existing rows: a repeat is CREATE UNIQUE INDEX's error. */
    public void build(int partition, Object rowKey, Object[] row) {
        if (unique != null && !hasNull(row)) {
            Object holder = unique.putIfAbsent(valueOf(row), rowKey);
            if (holder != null && !holder.equals(rowKey)) {
                throw duplicated(row);
            }
        }
        entries(partition).computeIfAbsent(valueOf(row), v -> new LinkedHashSet<>()).add(rowKey);
    }

    /** Forgets every entry (before a rebuild). */
    public void clear() {
        for (Map<Object, Set<Object>> entries : byPartition) {
            if (entries != null) {
                entries.clear();
            }
        }
        if (unique != null) {
            unique.clear();
        }
    }

    public void remove(int partition, Object rowKey, Object[] row) {
        Object value = valueOf(row);
        if (unique != null && !hasNull(row)) {
            unique.remove(value, rowKey);
        }
        removeFromPartition(partition, value, rowKey);
    }

    private void removeFromPartition(int partition, Object value, Object rowKey) {
        Map<Object, Set<Object>> entries = entries(partition);
        Set<Object> keys = entries.get(value);
        if (keys != null) {
            keys.remove(rowKey);
            if (keys.isEmpty()) {
                entries.remove(value);
            }
        }
    }

    /** The keys of the rows of one partition whose indexed columns equal {@code values} (none for a NULL). */
    public Set<Object> lookup(int partition, Object[] values) {
        for (Object value : values) {
            if (value == null) {
                return Set.of();
            }
        }
        Set<Object> keys = entries(partition).get(RowKey.fromValues(values));
        return keys == null ? Set.of() : keys;
    }

    private SqlException violation(Object[] row) {
        return new SqlException(SqlState.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \"" + def.name() + "\"",
                "Key (" + columns() + ")=(" + values(row) + ") already exists.", null, 0, null);
    }

    /** The error of CREATE UNIQUE INDEX over rows that already repeat a value. */
    private SqlException duplicated(Object[] row) {
        return new SqlException(SqlState.UNIQUE_VIOLATION, "could not create unique index \"" + def.name() + "\"",
                "Key (" + columns() + ")=(" + values(row) + ") is duplicated.", null, 0, null);
    }

    private String columns() {
        StringJoiner names = new StringJoiner(", ");
        for (int column : def.columns()) {
            names.add(table.columns().get(column).name());
        }
        return names.toString();
    }

    private String values(Object[] row) {
        StringJoiner values = new StringJoiner(", ");
        for (int column : def.columns()) {
            values.add(row[column] == null ? "null" : Values.toOutputText(row[column]));
        }
        return values.toString();
    }
}
