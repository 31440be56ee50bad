package dev.amelie.planner.catalog.system;

/** pg_tablespace's OIDs: every relation is in pg_default (reltablespace 0 means that). */
final class Tablespaces {
    static final long DEFAULT = 1663;
    static final long GLOBAL = 1664;

    private Tablespaces() {}
}
