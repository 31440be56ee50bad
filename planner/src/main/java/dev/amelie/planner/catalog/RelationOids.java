package dev.amelie.planner.catalog;

import dev.amelie.compute.catalog.TableDef;

/**
 * The OIDs relations have to clients (regclass, and the catalogs that will show them): a table's
 * is 16384 (FirstNormalObjectId, where PostgreSQL's user objects start) plus its catalog id,
 * so it stays the same across restarts; a system view's (negative id) sits below that range.
 */
public final class RelationOids {
    public static final long FIRST_USER_OID = 16384;

    private RelationOids() {}

    public static long of(TableDef def) {
        return def.id() >= 0 ? FIRST_USER_OID + def.id() : 12000 - def.id();
    }
}
