package dev.amelie.compute.storage;

import dev.amelie.compute.catalog.TableDef;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of one table that one compute node owns, keyed by {@link RowKey}.
 * Confined to the owning node's thread (recovery fills it before the node starts): plain
 * HashMap, no locks.
 *
 * <p>A checkpoint {@linkplain #freeze() freezes} the map: from then on it is only read, by the
 * node and by the checkpoint's writer thread, and the node's changes go to a second map that
 * overlays it until {@link #thaw()} folds them in. That is how a snapshot is written while the
 * node keeps running transactions, with no pause longer than swapping maps and merging what
 * changed meanwhile.
 */
public final class Partition {
    /** In {@link #changed}: the key's row was deleted since the freeze. */
    private static final Object[] DELETED = new Object[0];

    private final TableDef def;
    private final HashMap<Object, Object[]> rows = new HashMap<>();
    /** Changes since the freeze, or null when not frozen. */
    private HashMap<Object, Object[]> changed;
    /** The number of live rows while frozen (the two maps do not tell it without a scan). */
    private int frozenSize;
    private final RecentWrites recentWrites = new RecentWrites();

    public Partition(TableDef def) {
        this.def = def;
    }

    public TableDef def() {
        return def;
    }

    /** The keys written by commits that may not be durable yet. */
    public RecentWrites recentWrites() {
        return recentWrites;
    }

    public Object[] get(Object key) {
        if (changed != null) {
            Object[] row = changed.get(key);
            if (row != null) {
                return row == DELETED ? null : row;
            }
        }
        return rows.get(key);
    }

    /** Stores the row under its key; returns the row it replaced, or null. */
    public Object[] put(Object key, Object[] row) {
        if (changed == null) {
            return rows.put(key, row);
        }
        Object[] previous = get(key);
        changed.put(key, row);
        if (previous == null) {
            frozenSize++;
        }
        return previous;
    }

    public Object[] remove(Object key) {
        if (changed == null) {
            return rows.remove(key);
        }
        Object[] previous = get(key);
        if (previous != null) {
            changed.put(key, DELETED);
            frozenSize--;
        }
        return previous;
    }

    public boolean contains(Object key) {
        return get(key) != null;
    }

    public int size() {
        return changed == null ? rows.size() : frozenSize;
    }

    /** Iterates over the live rows; the caller must not modify the partition meanwhile. */
    public Iterator<Map.Entry<Object, Object[]>> iterator() {
        return changed == null ? rows.entrySet().iterator() : new OverlayIterator(rows, changed);
    }

    /** Iterates over a copy of the entries, so a statement may modify rows while it scans. */
    public Iterator<Map.Entry<Object, Object[]>> snapshotIterator() {
        if (changed == null) {
            return new HashMap<>(rows).entrySet().iterator();
        }
        HashMap<Object, Object[]> copy = new HashMap<>(frozenSize * 4 / 3 + 1);
        for (Iterator<Map.Entry<Object, Object[]>> it = iterator(); it.hasNext(); ) {
            Map.Entry<Object, Object[]> entry = it.next();
            copy.put(entry.getKey(), entry.getValue());
        }
        return copy.entrySet().iterator();
    }

    /**
     * Stops changing the row map and returns it, read-only, as it is now. On the owning node's
     * thread (or while the node is parked in a transaction that holds it); the map may then be
     * read from any thread that received it through a happens-before edge, until {@link #thaw()}.
     */
    public Map<Object, Object[]> freeze() {
        if (changed != null) {
            throw new IllegalStateException("partition of " + def.name() + " is already frozen");
        }
        frozenSize = rows.size();
        changed = new HashMap<>();
        return Collections.unmodifiableMap(rows);
    }

    /**
     * Folds the changes made since {@link #freeze()} into the row map; a no-op when not frozen.
     * Same thread rule as freeze, and only once no one reads the frozen map any more.
     */
    public void thaw() {
        if (changed == null) {
            return;
        }
        for (Map.Entry<Object, Object[]> entry : changed.entrySet()) {
            if (entry.getValue() == DELETED) {
                rows.remove(entry.getKey());
            } else {
                rows.put(entry.getKey(), entry.getValue());
            }
        }
        changed = null;
    }

    /** The frozen rows not changed since, then the rows changed since that are not deleted. */
    private static final class OverlayIterator implements Iterator<Map.Entry<Object, Object[]>> {
        private final Map<Object, Object[]> changed;
        private final Iterator<Map.Entry<Object, Object[]>> base;
        private final Iterator<Map.Entry<Object, Object[]>> overlay;
        private Map.Entry<Object, Object[]> next;

        OverlayIterator(Map<Object, Object[]> rows, Map<Object, Object[]> changed) {
            this.changed = changed;
            this.base = rows.entrySet().iterator();
            this.overlay = changed.entrySet().iterator();
            advance();
        }

        private void advance() {
            next = null;
            while (base.hasNext()) {
                Map.Entry<Object, Object[]> entry = base.next();
                if (!changed.containsKey(entry.getKey())) {
                    next = entry;
                    return;
                }
            }
            while (overlay.hasNext()) {
                Map.Entry<Object, Object[]> entry = overlay.next();
                if (entry.getValue() != DELETED) {
                    next = entry;
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<Object, Object[]> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Map.Entry<Object, Object[]> result = next;
            advance();
            return result;
        }
    }
}
