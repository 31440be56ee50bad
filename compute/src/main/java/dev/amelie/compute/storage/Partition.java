package dev.amelie.compute.storage;

import dev.amelie.compute.catalog.TableDef;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The rows of one table that one compute node owns, keyed by {@link RowKey}.
 * Confined to the owning node's thread (recovery fills it before the node starts): plain
 * HashMap, no locks.
 */
public final class Partition {
    private final TableDef def;
    private final HashMap<Object, Object[]> rows = new HashMap<>();

    public Partition(TableDef def) {
        this.def = def;
    }

    public TableDef def() {
        return def;
    }

    public Object[] get(Object key) {
        return rows.get(key);
    }

    /** Stores the row under its key; returns the row it replaced, or null. */
    public Object[] put(Object key, Object[] row) {
        return rows.put(key, row);
    }

    public Object[] remove(Object key) {
        return rows.remove(key);
    }

    public boolean contains(Object key) {
        return rows.containsKey(key);
    }

    public int size() {
        return rows.size();
    }

    /** Iterates over the live rows; the caller must not modify the partition meanwhile. */
    public Iterator<Map.Entry<Object, Object[]>> iterator() {
        return rows.entrySet().iterator();
    }

    /** Iterates over a copy of the entries, so a statement may modify rows while it scans. */
    public Iterator<Map.Entry<Object, Object[]>> snapshotIterator() {
        return new HashMap<>(rows).entrySet().iterator();
    }
}
