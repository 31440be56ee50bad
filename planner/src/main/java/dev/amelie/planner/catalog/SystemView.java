package dev.amelie.planner.catalog;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics views of pg_catalog, with PostgreSQL 15's columns in its order (oid as bigint,
 * inet and xid as text). No node holds their rows: a statement reads them on the host, as the
 * session's server state has them now ({@link dev.amelie.vm.exec.ServerState#rows}, by
 * {@link #number()}). Their table ids are negative, so they never meet a catalog table's.
 */
public enum SystemView {
    PG_STAT_ACTIVITY("pg_stat_activity",
            "datid", SqlType.BIGINT, "datname", SqlType.TEXT, "pid", SqlType.INTEGER, "leader_pid", SqlType.INTEGER,
            "usesysid", SqlType.BIGINT, "usename", SqlType.TEXT, "application_name", SqlType.TEXT,
            "client_addr", SqlType.TEXT, "client_hostname", SqlType.TEXT, "client_port", SqlType.INTEGER,
            "backend_start", SqlType.TIMESTAMPTZ, "xact_start", SqlType.TIMESTAMPTZ, "query_start", SqlType.TIMESTAMPTZ,
            "state_change", SqlType.TIMESTAMPTZ, "wait_event_type", SqlType.TEXT, "wait_event", SqlType.TEXT,
            "state", SqlType.TEXT, "backend_xid", SqlType.TEXT, "backend_xmin", SqlType.TEXT, "query_id", SqlType.BIGINT,
            "query", SqlType.TEXT, "backend_type", SqlType.TEXT),
    PG_STAT_STATEMENTS("pg_stat_statements",
            "userid", SqlType.BIGINT, "dbid", SqlType.BIGINT, "toplevel", SqlType.BOOLEAN, "queryid", SqlType.BIGINT,
            "query", SqlType.TEXT, "calls", SqlType.BIGINT, "total_exec_time", SqlType.DOUBLE,
            "max_exec_time", SqlType.DOUBLE, "mean_exec_time", SqlType.DOUBLE, "rows", SqlType.BIGINT),
    PG_STAT_DATABASE("pg_stat_database",
            "datid", SqlType.BIGINT, "datname", SqlType.TEXT, "numbackends", SqlType.INTEGER,
            "xact_commit", SqlType.BIGINT, "xact_rollback", SqlType.BIGINT, "conflicts", SqlType.BIGINT,
            "deadlocks", SqlType.BIGINT, "sessions", SqlType.BIGINT, "sessions_killed", SqlType.BIGINT,
            "stats_reset", SqlType.TIMESTAMPTZ),
    /** The session's parameters as SET and SHOW see them (psql's tab completion of SET reads it). */
    PG_SETTINGS("pg_settings",
            "name", SqlType.TEXT, "setting", SqlType.TEXT, "unit", SqlType.TEXT, "category", SqlType.TEXT,
            "short_desc", SqlType.TEXT, "extra_desc", SqlType.TEXT, "context", SqlType.TEXT, "vartype", SqlType.TEXT,
            "source", SqlType.TEXT, "min_val", SqlType.TEXT, "max_val", SqlType.TEXT, "enumvals", SqlType.TEXT_ARRAY,
            "boot_val", SqlType.TEXT, "reset_val", SqlType.TEXT, "sourcefile", SqlType.TEXT, "sourceline", SqlType.INTEGER,
            "pending_restart", SqlType.BOOLEAN);

    /** The schema they live in; unqualified names find them too, as pg_catalog is always searched first. */
    public static final String SCHEMA = "pg_catalog";
    /** The name of the one database, whatever name a client connected with (current_database()). */
    public static final String DATABASE = "amelie";
    /** The oid of the one database, "amelie" (the first oid PostgreSQL gives user objects). */
    public static final long DATABASE_OID = 16384;
    /** The oid of the role every session runs as, until roles exist. */
    public static final long ROLE_OID = 10;
    /** The name of that role (current_user, session_user). */
    public static final String ROLE_NAME = "amelie";

    private final TableDef def;

    SystemView(String name, Object... columns) {
        List<ColumnDef> defs = new ArrayList<>();
        for (int i = 0; i < columns.length; i += 2) {
            defs.add(new ColumnDef((String) columns[i], (SqlType) columns[i + 1], false));
        }
        this.def = new TableDef(-(ordinal() + 1L), SCHEMA, name, defs, new int[0]);
    }

    public TableDef def() {
        return def;
    }

    /** The view's number in {@link dev.amelie.vm.exec.ServerState#rows}. */
    public int number() {
        return ordinal();
    }

    /** The view a table definition stands for, or null for a catalog table. */
    public static SystemView of(TableDef def) {
        return def.id() < 0 ? values()[(int) (-def.id() - 1)] : null;
    }

    /** The column's position, for building rows in order. */
    public int column(String name) {
        for (int i = 0; i < def.columns().size(); i++) {
            if (def.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(def.name() + " has no column " + name);
    }
}
