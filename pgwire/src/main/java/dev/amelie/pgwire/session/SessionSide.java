package dev.amelie.pgwire.session;

import java.time.Instant;
import java.util.List;

/**
 * What the protocol layer knows that the engine shows in pg_stat_activity and acts on with
 * pg_cancel_backend / pg_terminate_backend: the sessions of the server, seen from one of them.
 */
public interface SessionSide {
    SessionSide NONE = new SessionSide() {
        @Override
        public List<Activity> activity() {
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

        @Override
        public long sessionsStarted() {
            return 0;
        }

        @Override
        public long sessionsKilled() {
            return 0;
        }

        @Override
        public String setting(String name, boolean missingOk) {
            return null;
        }

        @Override
        public String setSetting(String name, String value, boolean local) {
            return value;
        }

        @Override
        public List<Setting> settings() {
            return List.of();
        }
    };

    /** One parameter as pg_settings shows it: {@code settable} by SET (context user), or fixed (internal). */
    record Setting(String name, String value, String description, boolean settable) {}

    /** This session's parameters and the server's settings, as pg_settings lists them. */
    List<Setting> settings();

    /** One session as pg_stat_activity shows it; null where PostgreSQL shows NULL. */
    record Activity(int pid, String user, String applicationName, String clientAddress, Integer clientPort,
                    Instant backendStart, Instant transactionStart, Instant queryStart, Instant stateChange,
                    String state, String query) {}

    List<Activity> activity();

    int backendPid();

    /** Cancels the session's running statement (57014), or ends the session (57P01); false when none has the pid. */
    boolean signal(int pid, boolean terminate);

    /** Sessions established since the server started (pg_stat_database.sessions). */
    long sessionsStarted();

    /** Sessions ended by pg_terminate_backend (pg_stat_database.sessions_killed). */
    long sessionsKilled();

    /** current_setting: this session's value of the parameter (null when unknown and missingOk, else 42704). */
    String setting(String name, boolean missingOk);

    /** set_config: sets this session's parameter as SET [LOCAL] does (a null value as RESET); the value now in force. */
    String setSetting(String name, String value, boolean local);

    /** current_user (current: the role SET ROLE chose, if any) or session_user. */
    default String user(boolean current) {
        return null;
    }

    /** The server's advisory locks, which this session takes and releases under its pid. */
    default AdvisoryLocks advisoryLocks() {
        return null;
    }
}
