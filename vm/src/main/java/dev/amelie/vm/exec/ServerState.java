package dev.amelie.vm.exec;

import java.util.List;

/**
 * What a statement may see of the server beyond its tables, on the host: the rows of the
 * system views (pg_stat_activity, …, numbered by the planner) as they are now, and the
 * backend functions that act on sessions (pg_backend_pid, pg_cancel_backend,
 * pg_terminate_backend). The protocol layer provides it per session.
 */
public interface ServerState {
    /** For code run where there is no session (recovery, tests of the engine alone). */
    ServerState NONE = new ServerState() {
        @Override
        public List<Object[]> rows(int view) {
            return List.of();
        }

        @Override
        public int backendPid() {
            return 0;
        }

        @Override
        public boolean signal(int pid, boolean terminate) {
            return false;
        }
    };

    /** The rows of system view {@code view}, in its column order. */
    List<Object[]> rows(int view);

    /** pg_backend_pid() of the session the statement runs for. */
    int backendPid();

    /** pg_cancel_backend / pg_terminate_backend: false when no session has that pid. */
    boolean signal(int pid, boolean terminate);

    /**
     * current_setting(name [, missing_ok]): the session's value of a parameter; null for an
     * unknown one when {@code missingOk}, else 42704.
     */
    default String setting(String name, boolean missingOk) {
        throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.UNDEFINED_OBJECT,
                "unrecognized configuration parameter \"" + name + "\"");
    }

    /** set_config(name, value, is_local): sets the parameter as SET does (null: as RESET); returns the new value. */
    default String setSetting(String name, String value, boolean local) {
        throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.FEATURE_NOT_SUPPORTED,
                "set_config is not available here");
    }

    /**
     * A function of {@link dev.amelie.vm.program.Function.Area#CATALOG}: what the catalog says now
     * (format_type, pg_get_indexdef, pg_table_is_visible, …), for the arguments as the signature typed them.
     */
    default Object catalogCall(dev.amelie.vm.program.Function function, Object[] arguments) {
        throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.FEATURE_NOT_SUPPORTED,
                function.name().toLowerCase(java.util.Locale.ROOT) + " is not available here");
    }

    /**
     * A function of {@link dev.amelie.vm.program.Function.Area#SESSION}: the session's roles and
     * its advisory locks, for the arguments as the signature typed them.
     */
    default Object sessionCall(dev.amelie.vm.program.Function function, Object[] arguments) {
        throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.FEATURE_NOT_SUPPORTED,
                function.name().toLowerCase(java.util.Locale.ROOT) + " is not available here");
    }
}
