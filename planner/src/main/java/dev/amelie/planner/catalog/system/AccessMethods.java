package dev.amelie.planner.catalog.system;

/** pg_am's OIDs (PostgreSQL's own) of the access methods our relations use. */
final class AccessMethods {
    static final long HEAP = 2;
    static final long BTREE = 403;
    static final long HASH = 405;

    private AccessMethods() {}

    static long oid(String method) {
        return method.equals("hash") ? HASH : BTREE;
    }
}
