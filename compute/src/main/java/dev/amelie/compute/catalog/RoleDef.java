package dev.amelie.compute.catalog;

/**
 * A role, as pg_authid holds it (PostgreSQL 15, catalogs/pg-authid.html). {@code password} is a
 * SCRAM-SHA-256 verifier ({@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}) or an md5
 * hash ({@code md5…}), never the password itself; null when the role has none.
 * {@code connectionLimit} -1: no limit.
 */
public record RoleDef(long oid, String name, boolean superuser, boolean inherit, boolean createRole, boolean createDb,
                      boolean login, boolean replication, boolean bypassRls, int connectionLimit, String password) {

    /** PostgreSQL's OID of the bootstrap superuser; ours is always named "amelie". */
    public static final long BOOTSTRAP_OID = 10;
    public static final String BOOTSTRAP_NAME = "amelie";
    /** OIDs PostgreSQL gives objects users create start here (transam.h FirstNormalObjectId). */
    public static final long FIRST_USER_OID = 16384;

    /** The superuser every data directory starts with (initdb's bootstrap superuser). */
    public static RoleDef bootstrap() {
        return new RoleDef(BOOTSTRAP_OID, BOOTSTRAP_NAME, true, true, true, true, true, true, true, -1, null);
    }

    public RoleDef withName(String newName) {
        return new RoleDef(oid, newName, superuser, inherit, createRole, createDb, login, replication, bypassRls,
                connectionLimit, password);
    }

    public RoleDef withPassword(String verifier) {
        return new RoleDef(oid, name, superuser, inherit, createRole, createDb, login, replication, bypassRls,
                connectionLimit, verifier);
    }
}
