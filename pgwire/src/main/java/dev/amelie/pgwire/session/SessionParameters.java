package dev.amelie.pgwire.session;

import dev.amelie.pgwire.message.ParameterStatus;
import dev.amelie.pgwire.session.QueryEngine.SessionCommand;
import dev.amelie.pgwire.session.QueryEngine.StatementResult;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run-time parameters of one session and the SET / SHOW / RESET statements on them.
 *
 * <p>Like PostgreSQL: names are case-insensitive; RESET goes back to the value the session
 * started with (the startup packet's, else the default); a name with a dot is a custom
 * placeholder that SET may create; changes to reported parameters reach the client as
 * ParameterStatus just before the next ReadyForQuery, and only when the value differs from
 * what the client was last told (guc.c ReportChangedGUCOptions). SET is undone when the
 * message's transaction fails: callers take a {@link #snapshot()} and {@link #restore} it.
 *
 * <p>Confined to the session's event loop.
 */
public final class SessionParameters {
    /** Reported to the client at startup, in this order (PostgreSQL 15's order, then ours). */
    static final List<String> STARTUP_REPORT_ORDER = List.of(
            "application_name", "client_encoding", "DateStyle", "default_transaction_read_only", "in_hot_standby",
            "integer_datetimes", "IntervalStyle", "is_superuser", "server_encoding", "server_version",
            "session_authorization", "standard_conforming_strings", "TimeZone", "amelie_version");

    static final String SERVER_VERSION = "15.0";
    static final String AMELIE_VERSION = "0.1.0";

    private static final Map<String, SessionParameter> DEFINITIONS = definitions();

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> resetValues = new HashMap<>();
    /** Values SET LOCAL replaced in this transaction, to put back when it ends (null: there was none). */
    private final Map<String, String> beforeLocalSets = new HashMap<>();
    private final Map<String, String> lastReported = new HashMap<>();
    /** Counts changes of {@link #values}: ReadyForQuery looks for changes to report only after one. */
    private long changes;
    private long changesReported = -1;

    private final ServerView server;

    public SessionParameters() {
        this(ServerView.NONE);
    }

    public SessionParameters(ServerView server) {
        this.server = server;
        for (Map.Entry<String, SessionParameter> e : DEFINITIONS.entrySet()) {
            values.put(e.getKey(), e.getValue().defaultValue());
        }
    }

    private static Map<String, SessionParameter> definitions() {
        String[] isolationLevels = {"serializable", "repeatable read", "read committed", "read uncommitted"};
        List<SessionParameter> all = List.of(
                SessionParameter.readOnly("amelie_version", AMELIE_VERSION, true, "Shows the Amelie version."),
                SessionParameter.reportedSettable("application_name", "", ParameterSyntax.anyString(),
                        "Sets the application name to be reported in statistics and logs."),
                SessionParameter.settable("bytea_output", "hex", ParameterSyntax.oneOf("escape", "hex"),
                        "Sets the output format for bytea."),
                SessionParameter.reportedSettable("client_encoding", "UTF8", ParameterSyntax.clientEncoding(),
                        "Sets the client's character set encoding."),
                SessionParameter.settable("client_min_messages", "notice",
                        ParameterSyntax.oneOf("debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"),
                        "Sets the message levels that are sent to the client."),
                SessionParameter.reportedSettable("DateStyle", "ISO, MDY", ParameterSyntax.dateStyle(),
                        "Sets the display format for date and time values."),
                // Every Amelie transaction is strict serializable, whatever the client asks for.
                SessionParameter.settable("default_transaction_isolation", "serializable", ParameterSyntax.oneOf(isolationLevels),
                        "Sets the transaction isolation level of each new transaction."),
                SessionParameter.reportedSettable("default_transaction_read_only", "off", ParameterSyntax.bool(),
                        "Sets the default read-only status of new transactions."),
                SessionParameter.settable("extra_float_digits", "1", ParameterSyntax.integer(-15, 3),
                        "Sets the number of digits displayed for floating-point values."),
                SessionParameter.settable("idle_in_transaction_session_timeout", "0", ParameterSyntax.milliseconds(),
                        "Sets the maximum allowed idle time between queries, when in a transaction."),
                SessionParameter.settable("idle_session_timeout", "0", ParameterSyntax.milliseconds(),
                        "Sets the maximum allowed idle time between queries, when not in a transaction."),
                SessionParameter.readOnly("in_hot_standby", "off", true, "Shows whether hot standby is currently active."),
                SessionParameter.readOnly("integer_datetimes", "on", true, "Shows whether datetimes are integer based."),
                SessionParameter.reportedSettable("IntervalStyle", "postgres",
                        ParameterSyntax.oneOf("postgres", "postgres_verbose", "sql_standard", "iso_8601"),
                        "Sets the display format for interval values."),
                SessionParameter.readOnly("is_superuser", "on", true, "Shows whether the current user is a superuser.").hidden(),
                SessionParameter.settable("jit", "off", ParameterSyntax.bool(), "Allow JIT compilation."),
                SessionParameter.settable("lock_timeout", "0", ParameterSyntax.milliseconds(),
                        "Sets the maximum allowed duration of any wait for a lock."),
                SessionParameter.readOnly("max_identifier_length", "63", false, "Shows the maximum identifier length."),
                // pgjdbc's getImportedKeys reads it from pg_settings (Hibernate's hbm2ddl update).
                SessionParameter.readOnly("max_index_keys", "32", false, "Shows the maximum number of index keys."),
                // SET ROLE: "none" is the session user itself (PostgreSQL's role GUC, hidden from SHOW ALL).
                SessionParameter.settable("role", "none", ParameterSyntax.role(), "Sets the current role.").hidden(),
                SessionParameter.settable("row_security", "on", ParameterSyntax.bool(), "Enable row security."),
                SessionParameter.settable("search_path", "\"$user\", public", ParameterSyntax.anyString(),
                        "Sets the schema search order for names that are not schema-qualified."),
                SessionParameter.readOnly("server_encoding", "UTF8", true, "Shows the server (database) character set encoding."),
                SessionParameter.readOnly("server_version", SERVER_VERSION, true, "Shows the server version."),
                SessionParameter.readOnly("server_version_num", "150000", false, "Shows the server version as an integer."),
                SessionParameter.readOnly("session_authorization", "", true, "Sets the session user name.").hidden(),
                SessionParameter.reportedSettable("standard_conforming_strings", "on", ParameterSyntax.boolFixedAt(true),
                        "Causes '...' strings to treat backslashes literally."),
                SessionParameter.settable("statement_timeout", "0", ParameterSyntax.milliseconds(),
                        "Sets the maximum allowed duration of any statement."),
                SessionParameter.settable("synchronous_commit", "on",
                        ParameterSyntax.oneOf("local", "remote_write", "remote_apply", "on", "off"),
                        "Sets the current transaction's synchronization level."),
                SessionParameter.reportedSettable("TimeZone", "Etc/UTC", ParameterSyntax.timeZone(),
                        "Sets the time zone for displaying and interpreting time stamps."),
                SessionParameter.settable("transaction_isolation", "serializable", ParameterSyntax.oneOf(isolationLevels),
                        "Sets the current transaction's isolation level."),
                SessionParameter.settable("transaction_read_only", "off", ParameterSyntax.bool(),
                        "Sets the current transaction's read-only status."));
        Map<String, SessionParameter> byName = new LinkedHashMap<>();
        all.stream()
                .sorted(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)))
                .forEach(p -> byName.put(key(p.name()), p));
        return byName;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The current value, or null for an unknown name. */
    /** statement_timeout in milliseconds (0: none), from its shown form ("0", "1500ms", "90s", "1min", "2h"). */
    long statementTimeoutMillis() {
        return toMillis(get("statement_timeout"));
    }

    private String lastDurationText;
    private long lastDurationMillis;

    /**
     * A duration parameter in milliseconds (0: none). Asked at every ReadyForQuery for the idle
     * timeouts, so the last text read is remembered and parsed again only when it changed.
     */
    long millis(String name) {
        String value = get(name);
        if (value == null) {
            return 0;
        }
        if (!value.equals(lastDurationText)) {
            lastDurationMillis = toMillis(value);
            lastDurationText = value;
        }
        return lastDurationMillis;
    }

    private static long toMillis(String shown) {
        String value = shown.strip();
        int unit = 0;
        while (unit < value.length() && Character.isDigit(value.charAt(unit))) {
            unit++;
        }
        if (unit == 0) {
            return 0;
        }
        long amount = Long.parseLong(value.substring(0, unit));
        return switch (value.substring(unit).strip()) {
            case "", "ms" -> amount;
            case "s" -> amount * 1000;
            case "min" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            case "d" -> amount * 86_400_000;
            default -> 0;
        };
    }

    /** The zone of the TimeZone parameter now: timestamptz text is read and shown in it. */
    public java.time.ZoneId timeZone() {
        return dev.amelie.vm.value.TimeZoneSetting.zoneOf(get("timezone")); // the key as stored: no new string per Bind
    }

    /**
     * Whether a notice of {@code severity} (NOTICE, WARNING) goes to the client under
     * client_min_messages: its level must be at least the setting's, in the order the setting
     * lists (config.html#GUC-CLIENT-MIN-MESSAGES). Hibernate sets WARNING to hide the NOTICEs of
     * its DROP … IF EXISTS.
     */
    public boolean sendsToClient(String severity) {
        return CLIENT_MESSAGE_LEVELS.indexOf(severity.toLowerCase(java.util.Locale.ROOT))
                >= CLIENT_MESSAGE_LEVELS.indexOf(get("client_min_messages").toLowerCase(java.util.Locale.ROOT));
    }

    private static final List<String> CLIENT_MESSAGE_LEVELS =
            List.of("debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error");

    public String get(String name) {
        return values.get(key(name));
    }

    /**
     * Sets a value as the session's starting value (startup packet, or the authenticated user).
     * Read-only parameters are refused, except the session_authorization the server derives.
     */
    void initialize(String name, String value, boolean byServer) {
        String key = key(name);
        if (byServer) {
            values.put(key, value);
            changes++;
        } else {
            set(name, value);
        }
        resetValues.put(key, values.get(key));
    }

    /** current_setting(name [, missing_ok]). */
    String current(String name, boolean missingOk) {
        String value = values.get(key(name));
        if (value == null && !missingOk) {
            throw unrecognized(name);
        }
        return value;
    }

    /** set_config(name, value, is_local): as SET [LOCAL] (RESET for null); the value now in force. */
    String setByFunction(String name, String value, boolean local) {
        if (local) {
            rememberForTransactionEnd(name);
        }
        set(name, value);
        return values.get(key(name));
    }

    /** SET LOCAL: the value to go back to when the transaction ends (the first one, if set again). */
    private void rememberForTransactionEnd(String name) {
        String key = key(name);
        if (!beforeLocalSets.containsKey(key)) {
            beforeLocalSets.put(key, values.get(key));
        }
    }

    /** The transaction ended (committed, rolled back, or a statement outside a block): SET LOCALs are undone. */
    void endTransaction() {
        if (beforeLocalSets.isEmpty()) {
            return; // the common case, at every ReadyForQuery
        }
        for (Map.Entry<String, String> e : beforeLocalSets.entrySet()) {
            if (e.getValue() == null) {
                values.remove(e.getKey());
            } else {
                values.put(e.getKey(), e.getValue());
            }
        }
        beforeLocalSets.clear();
        changes++;
    }

    /** Carries out SET, SHOW or RESET; the result is what the client sees. */
    StatementResult execute(SessionCommand command) {
        return switch (command) {
            case SessionCommand.Set set -> {
                if (set.local()) {
                    rememberForTransactionEnd(set.name());
                }
                set(set.name(), set.value());
                yield new StatementResult("SET", List.of());
            }
            case SessionCommand.Reset reset -> {
                if (reset.name().equalsIgnoreCase("all")) {
                    for (Map.Entry<String, SessionParameter> e : DEFINITIONS.entrySet()) {
                        if (e.getValue().settable()) {
                            values.put(e.getKey(), resetValue(e.getKey()));
                        }
                    }
                    changes++;
                } else {
                    set(reset.name(), null);
                }
                yield new StatementResult("RESET", List.of());
            }
            case SessionCommand.Show show -> new StatementResult("SHOW", show(show.name()));
        };
    }

    /** The column names of a command's result (all text): SHOW has rows, SET and RESET none. */
    static String[] columnNames(SessionCommand command) {
        if (!(command instanceof SessionCommand.Show show)) {
            return new String[0];
        }
        if (show.name().equalsIgnoreCase("all")) {
            return new String[] {"name", "setting", "description"};
        }
        if (show.name().equalsIgnoreCase("hosts")) {
            return new String[] {"host", "thread", "connections"};
        }
        // PostgreSQL names the column with the parameter's canonical spelling ("DateStyle").
        SessionParameter definition = DEFINITIONS.get(key(show.name()));
        return new String[] {definition == null ? key(show.name()) : definition.name()};
    }

    private void set(String name, String value) {
        String key = key(name);
        SessionParameter definition = DEFINITIONS.get(key);
        if (definition == null) {
            if (!key.contains(".")) {
                throw unrecognized(name);
            }
            // A custom placeholder ("myapp.setting"): any string, no checks, as PostgreSQL allows.
            values.put(key, value == null ? resetValues.getOrDefault(key, "") : value);
            changes++;
            return;
        }
        if (!definition.settable()) {
            throw new SqlException(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                    "parameter \"" + definition.name() + "\" cannot be changed");
        }
        String normalized = value == null ? resetValue(key) : definition.syntax().normalize(definition.name(), value);
        if (key.equals("role") && !normalized.equals("none")) {
            server.checkSetRole(values.get("session_authorization"), normalized);
        }
        values.put(key, normalized);
        changes++;
    }

    private String resetValue(String key) {
        String value = resetValues.get(key);
        return value != null ? value : DEFINITIONS.get(key).defaultValue();
    }

    /** pg_settings: every listed parameter with its value now, then the server's settings (not settable). */
    List<SessionSide.Setting> settings() {
        List<SessionSide.Setting> settings = new ArrayList<>();
        for (Map.Entry<String, SessionParameter> e : DEFINITIONS.entrySet()) {
            if (e.getValue().listed()) {
                settings.add(new SessionSide.Setting(e.getValue().name(), values.get(e.getKey()), e.getValue().description(),
                        e.getValue().settable()));
            }
        }
        for (Object[] row : server.settings()) {
            settings.add(new SessionSide.Setting((String) row[0], (String) row[1], (String) row[2], false));
        }
        settings.sort(java.util.Comparator.comparing(setting -> setting.name().toLowerCase(java.util.Locale.ROOT)));
        return settings;
    }

    private List<Object[]> show(String name) {
        if (name.equalsIgnoreCase("all")) {
            List<Object[]> rows = new ArrayList<>();
            for (Map.Entry<String, SessionParameter> e : DEFINITIONS.entrySet()) {
                if (e.getValue().listed()) {
                    rows.add(new Object[] {e.getValue().name(), values.get(e.getKey()), e.getValue().description()});
                }
            }
            rows.addAll(server.settings());
            rows.sort(java.util.Comparator.comparing(row -> ((String) row[0]).toLowerCase(java.util.Locale.ROOT)));
            return rows;
        }
        if (name.equalsIgnoreCase("hosts")) {
            return server.hosts();
        }
        String value = values.get(key(name));
        if (value == null) {
            throw unrecognized(name);
        }
        List<Object[]> rows = new ArrayList<>(1);
        rows.add(new Object[] {value});
        return rows;
    }

    private static SqlException unrecognized(String name) {
        return new SqlException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }

    /** A copy of the current values, to undo the SETs of a failed transaction. */
    Map<String, String> snapshot() {
        return new HashMap<>(values);
    }

    void restore(Map<String, String> snapshot) {
        values.clear();
        values.putAll(snapshot);
        changes++;
    }

    /** Writes ParameterStatus for every reported parameter whose value the client has not seen yet. */
    void reportChanges(ByteBuf out) {
        if (changes == changesReported) {
            return; // nothing set since the last report (the common case, at every ReadyForQuery)
        }
        changesReported = changes;
        for (String name : STARTUP_REPORT_ORDER) {
            String key = key(name);
            String value = values.get(key);
            if (!value.equals(lastReported.get(key))) {
                ParameterStatus.write(out, name, value);
                lastReported.put(key, value);
            }
        }
    }
}
