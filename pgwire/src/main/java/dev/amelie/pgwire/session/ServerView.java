package dev.amelie.pgwire.session;

import java.util.List;

/**
 * What a session shows of the whole server: the server-wide counts SHOW ALL lists (compute nodes,
 * host threads) and the rows of SHOW HOSTS. Read when asked, so they are current.
 */
public interface ServerView {
    ServerView NONE = new ServerView() {
        @Override
        public List<Object[]> settings() {
            return List.of();
        }

        @Override
        public List<Object[]> hosts() {
            return List.of();
        }
    };

    /** Rows {name, setting, description}, as SHOW ALL lists them. */
    List<Object[]> settings();

    /** Rows {host, thread, connections}, one per IO host thread. */
    List<Object[]> hosts();

    /**
     * SET ROLE {@code role} by {@code sessionUser}: 22023 when the role does not exist, 42501 when the
     * session user may not take it (PostgreSQL's check_role).
     */
    default void checkSetRole(String sessionUser, String role) {
        if (!dev.amelie.planner.catalog.system.Roles.exists(role)) {
            throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.INVALID_PARAMETER_VALUE,
                    "role \"" + role + "\" does not exist");
        }
    }
}
