package dev.amelie.pgwire.engine;

import dev.amelie.pgwire.session.SessionSide;
import dev.amelie.planner.catalog.SystemView;
import dev.amelie.planner.catalog.system.CatalogContents;
import dev.amelie.planner.catalog.system.CatalogRelation;
import dev.amelie.planner.catalog.system.CatalogRelations;
import dev.amelie.vm.exec.ServerState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the system views as one session sees them now: pg_stat_activity from the protocol
 * layer's sessions, pg_stat_statements and pg_stat_database from the engine's counters. Built
 * when a statement reads them, never kept.
 */
final class SystemViewRows implements ServerState {
    private static final String DATABASE = SystemView.DATABASE;

    private final SessionSide sessions;
    private final EngineMetrics metrics;
    private final StatementStats statements;
    private final Instant statsReset;
    private final java.util.function.Supplier<CatalogContents> catalog;
    private final BlockAdvisoryLocks advisoryLocks;

    SystemViewRows(SessionSide sessions, EngineMetrics metrics, StatementStats statements, Instant statsReset,
                   java.util.function.Supplier<CatalogContents> catalog, java.util.function.BooleanSupplier cancelled) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.metrics = metrics;
        this.statements = statements;
        this.statsReset = statsReset;
        this.advisoryLocks = new BlockAdvisoryLocks(sessions, cancelled);
    }

    @Override
    public List<Object[]> rows(int view) {
        CatalogRelation relation = CatalogRelations.byNumber(view);
        if (relation != null) {
            return relation.rows(catalog.get());
        }
        return switch (SystemView.values()[view]) {
            case PG_STAT_ACTIVITY -> activity();
            case PG_STAT_STATEMENTS -> statements();
            case PG_STAT_DATABASE -> database();
            case PG_SETTINGS -> settings();
        };
    }

    @Override
    public Object catalogCall(dev.amelie.vm.program.Function function, Object[] arguments) {
        CatalogContents contents = catalog.get();
        List<String> searchPath = dev.amelie.planner.catalog.system.SearchPath.schemas(
                sessions.setting("search_path", true), sessions.user(true), contents);
        String user = sessions.user(true);
        return dev.amelie.planner.catalog.system.CatalogFunctions.call(function, arguments, contents, statsReset, searchPath,
                user == null ? SystemView.ROLE_NAME : user);
    }

    @Override
    public Object sessionCall(dev.amelie.vm.program.Function function, Object[] arguments) {
        for (Object argument : arguments) {
            if (argument == null) {
                return null; // all of them are STRICT in PostgreSQL
            }
        }
        return switch (function) {
            case CURRENT_USER -> sessions.user(true);
            case SESSION_USER -> sessions.user(false);
            default -> advisoryLocks.call(function, arguments);
        };
    }

    /** The open block's advisory lock calls, answered again without acting when the block is replayed. */
    BlockAdvisoryLocks advisoryLocks() {
        return advisoryLocks;
    }

    @Override
    public int backendPid() {
        return sessions.backendPid();
    }

    @Override
    public boolean signal(int pid, boolean terminate) {
        return sessions.signal(pid, terminate);
    }

    @Override
    public String setting(String name, boolean missingOk) {
        return sessions.setting(name, missingOk);
    }

    @Override
    public String setSetting(String name, String value, boolean local) {
        return sessions.setSetting(name, value, local);
    }

    private List<Object[]> activity() {
        SystemView view = SystemView.PG_STAT_ACTIVITY;
        List<Object[]> rows = new ArrayList<>();
        for (SessionSide.Activity session : sessions.activity()) {
            Object[] row = new Object[view.def().columns().size()];
            row[view.column("datid")] = SystemView.DATABASE_OID;
            row[view.column("datname")] = DATABASE;
            row[view.column("pid")] = session.pid();
            row[view.column("usesysid")] = SystemView.ROLE_OID;
            row[view.column("usename")] = session.user();
            row[view.column("application_name")] = session.applicationName();
            row[view.column("client_addr")] = session.clientAddress();
            row[view.column("client_port")] = session.clientPort();
            row[view.column("backend_start")] = micros(session.backendStart());
            row[view.column("xact_start")] = micros(session.transactionStart());
            row[view.column("query_start")] = micros(session.queryStart());
            row[view.column("state_change")] = micros(session.stateChange());
            row[view.column("wait_event_type")] = session.state().equals("idle") ? "Client" : null;
            row[view.column("wait_event")] = session.state().equals("idle") ? "ClientRead" : null;
            row[view.column("state")] = session.state();
            row[view.column("query")] = session.query();
            row[view.column("backend_type")] = "client backend";
            rows.add(row);
        }
        return rows;
    }

    private List<Object[]> statements() {
        SystemView view = SystemView.PG_STAT_STATEMENTS;
        List<Object[]> rows = new ArrayList<>();
        for (StatementStats.Entry entry : statements.entries()) {
            Object[] row = new Object[view.def().columns().size()];
            row[view.column("userid")] = SystemView.ROLE_OID;
            row[view.column("dbid")] = SystemView.DATABASE_OID;
            row[view.column("toplevel")] = true;
            row[view.column("queryid")] = (long) entry.query().hashCode();
            row[view.column("query")] = entry.query();
            row[view.column("calls")] = entry.calls();
            row[view.column("total_exec_time")] = entry.totalMillis();
            row[view.column("max_exec_time")] = entry.maxMillis();
            row[view.column("mean_exec_time")] = entry.meanMillis();
            row[view.column("rows")] = entry.rows();
            rows.add(row);
        }
        return rows;
    }

    private List<Object[]> database() {
        SystemView view = SystemView.PG_STAT_DATABASE;
        Object[] row = new Object[view.def().columns().size()];
        row[view.column("datid")] = SystemView.DATABASE_OID;
        row[view.column("datname")] = DATABASE;
        row[view.column("numbackends")] = sessions.activity().size();
        row[view.column("xact_commit")] = metrics.commitsWithWrites() + metrics.readOnlyCommits();
        row[view.column("xact_rollback")] = metrics.rollbacks() + metrics.failedTransactions();
        row[view.column("conflicts")] = metrics.serializationFailuresByCause().values().stream().mapToLong(Long::longValue).sum();
        row[view.column("deadlocks")] = 0L; // the deterministic order has no locks to deadlock on
        row[view.column("sessions")] = sessions.sessionsStarted();
        row[view.column("sessions_killed")] = sessions.sessionsKilled();
        row[view.column("stats_reset")] = micros(statsReset);
        List<Object[]> rows = new ArrayList<>(1);
        rows.add(row);
        return rows;
    }

    /** Stored timestamps have microseconds, as PostgreSQL's. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : dev.amelie.vm.value.DateTimeText.toMicros(instant);
    }

    private List<Object[]> settings() {
        SystemView view = SystemView.PG_SETTINGS;
        List<Object[]> rows = new ArrayList<>();
        for (dev.amelie.pgwire.session.SessionSide.Setting setting : sessions.settings()) {
            Object[] row = new Object[view.def().columns().size()];
            row[view.column("name")] = setting.name();
            row[view.column("setting")] = setting.value();
            row[view.column("short_desc")] = setting.description();
            row[view.column("context")] = setting.settable() ? "user" : "internal";
            row[view.column("vartype")] = "string";
            row[view.column("source")] = setting.settable() ? "session" : "default";
            row[view.column("reset_val")] = setting.value();
            row[view.column("pending_restart")] = false;
            rows.add(row);
        }
        return rows;
    }
}
