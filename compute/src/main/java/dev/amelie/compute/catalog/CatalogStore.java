package dev.amelie.compute.catalog;

import java.util.function.UnaryOperator;

/**
 * Holds the current catalog version. Readers take {@link #current()} without locking; writers
 * (DDL transactions, which have every node to themselves, and recovery) swap in a new version.
 */
public final class CatalogStore {
    private volatile Catalog current = Catalog.empty();
    /** Versions are never reused, not even by a restore, so a version names one catalog content. */
    private long lastVersion;

    public Catalog current() {
        return current;
    }

    public synchronized Catalog update(UnaryOperator<Catalog> change) {
        current = change.apply(current).withVersion(++lastVersion);
        return current;
    }

    /** Puts back an earlier version (undo of DDL in a failed transaction). */
    public synchronized void restore(Catalog version) {
        current = version.withVersion(++lastVersion);
    }
}
