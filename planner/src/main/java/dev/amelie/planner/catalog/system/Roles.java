package dev.amelie.planner.catalog.system;

/**
 * The roles until roles are built: the one superuser every session runs as (PostgreSQL's
 * bootstrap superuser OID), and pg_database_owner, which owns schema public in PostgreSQL 15.
 */
public final class Roles {
    static final long OWNER = 10;
    static final String NAME = dev.amelie.planner.catalog.SystemView.ROLE_NAME;
    static final long DATABASE_OWNER = 6171;
    static final String DATABASE_OWNER_NAME = "pg_database_owner";

    private Roles() {}

    /** pg_get_userbyid: the role's name, or PostgreSQL's text for an OID no role has. */
    static String name(long oid) {
        return oid == OWNER ? NAME : oid == DATABASE_OWNER ? DATABASE_OWNER_NAME : "unknown (OID=" + oid + ")";
    }

    /** Whether a role of this name exists (SET ROLE's check). */
    public static boolean exists(String name) {
        return name.equals(NAME) || name.equals(DATABASE_OWNER_NAME);
    }
}
