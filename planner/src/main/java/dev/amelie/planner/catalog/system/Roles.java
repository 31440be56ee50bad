package dev.amelie.planner.catalog.system;

/** The one role every session runs as until roles are built: PostgreSQL's bootstrap superuser OID. */
final class Roles {
    static final long OWNER = 10;
    static final String NAME = "amelie";

    private Roles() {}
}
