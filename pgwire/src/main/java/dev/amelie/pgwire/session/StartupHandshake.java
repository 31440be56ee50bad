package dev.amelie.pgwire.session;

import dev.amelie.pgwire.message.AuthenticationOk;
import dev.amelie.pgwire.message.BackendKeyData;
import dev.amelie.pgwire.message.NegotiateProtocolVersion;
import dev.amelie.pgwire.message.StartupMessage;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers a StartupMessage, following PostgreSQL 15 (postmaster.c ProcessStartupPacket and
 * postinit.c): protocol version check, NegotiateProtocolVersion when the client asked for more
 * than 3.0, the startup parameters applied as the session's starting values, authentication
 * ({@link LoginFlow}), then AuthenticationOk, every reported ParameterStatus, BackendKeyData and
 * ReadyForQuery. A problem is FATAL and closes the connection.
 */
final class StartupHandshake {
    static final int PROTOCOL_MAJOR = 3;
    static final int PROTOCOL_NEWEST_MINOR = 0;
    private static final String PROTOCOL_OPTION_PREFIX = "_pq_.";

    private StartupHandshake() {
    }

    static void run(Session session, StartupMessage startup) {
        if (startup.majorVersion() != PROTOCOL_MAJOR) {
            session.fatal(new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "unsupported frontend protocol " + startup.majorVersion() + "." + startup.minorVersion()
                            + ": server supports 3.0 to 3." + PROTOCOL_NEWEST_MINOR));
            return;
        }
        ByteBuf out = session.out().buffer();
        List<String> unrecognizedOptions = new ArrayList<>();
        for (String name : startup.parameters().keySet()) {
            if (name.startsWith(PROTOCOL_OPTION_PREFIX)) {
                unrecognizedOptions.add(name);
            }
        }
        if (startup.minorVersion() > PROTOCOL_NEWEST_MINOR || !unrecognizedOptions.isEmpty()) {
            NegotiateProtocolVersion.write(out, PROTOCOL_MAJOR, PROTOCOL_NEWEST_MINOR, unrecognizedOptions);
        }
        String user = startup.parameters().get("user");
        if (user == null || user.isEmpty()) {
            session.fatal(new SqlException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "no PostgreSQL user name specified in startup packet"));
            return;
        }
        try {
            applyParameters(session.parameters(), startup.parameters());
        } catch (SqlException e) {
            session.fatal(e);
            return;
        }
        session.parameters().initialize("session_authorization", user, true);
        if (!session.authentication().enforced()) {
            admit(session);
            return;
        }
        String database = startup.parameters().getOrDefault("database", user);
        java.net.InetAddress address = session.remoteAddress();
        if (address == null) {
            address = java.net.InetAddress.getLoopbackAddress();
        }
        session.awaitLogin(LoginFlow.start(session, session.authentication(), user, database.isEmpty() ? user : database,
                address, () -> admit(session)));
    }

    /** Authentication succeeded: AuthenticationOk, the parameters, the key, ReadyForQuery. */
    private static void admit(Session session) {
        ByteBuf out = session.out().buffer();
        session.registerKey();

        AuthenticationOk.write(out);
        session.parameters().reportChanges(out);
        BackendKeyData.write(out, session.key().processId(), session.key().secretKey());
        session.writeReadyForQuery();
        session.out().flush();
    }

    /**
     * The command-line style {@code options} first, then the other parameters, so that an
     * explicit parameter wins, as in PostgreSQL (postinit.c process_startup_options).
     */
    private static void applyParameters(SessionParameters parameters, Map<String, String> startup) {
        String options = startup.get("options");
        if (options != null) {
            for (Map.Entry<String, String> option : parseOptions(options)) {
                parameters.initialize(option.getKey(), option.getValue(), false);
            }
        }
        for (Map.Entry<String, String> e : startup.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            switch (name) {
                case "user", "database", "options" -> {
                    // Used above, or meaningless so far: there is one database.
                }
                case "replication" -> {
                    if (!List.of("false", "0", "off", "no").contains(value.toLowerCase(java.util.Locale.ROOT))) {
                        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "replication connections are not supported");
                    }
                }
                default -> {
                    if (name.startsWith(PROTOCOL_OPTION_PREFIX)) {
                        continue;
                    }
                    // libpq resolves client_encoding=auto from the client's locale, which may
                    // well be SQL_ASCII or LATIN1. We only speak UTF8; rather than refuse the
                    // connection we keep UTF8, and ParameterStatus tells the client so.
                    if (name.equalsIgnoreCase("client_encoding") && !ParameterSyntax.isUtf8(value)) {
                        continue;
                    }
                    parameters.initialize(name, value, false);
                }
            }
        }
    }

    /**
     * Splits {@code options} like pg_split_opts (whitespace separates, backslash escapes the
     * next character) and reads the {@code -c name=value} and {@code --name=value} switches.
     */
    static List<Map.Entry<String, String>> parseOptions(String options) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            if (c == '\\' && i + 1 < options.length()) {
                c = options.charAt(++i);
            }
            word.append(c);
            inWord = true;
        }
        if (inWord) {
            words.add(word.toString());
        }
        List<Map.Entry<String, String>> settings = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String setting;
            if (w.equals("-c") && i + 1 < words.size()) {
                setting = words.get(++i);
            } else if (w.startsWith("-c") && w.length() > 2) {
                setting = w.substring(2);
            } else if (w.startsWith("--") && w.length() > 2) {
                setting = w.substring(2);
            } else {
                throw new SqlException(SqlState.SYNTAX_ERROR, "invalid command-line argument for server process: " + w);
            }
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new SqlException(SqlState.SYNTAX_ERROR, "-c " + setting + " requires a value");
            }
            // guc.c ParseLongOption: dashes in the name stand for underscores.
            settings.add(Map.entry(setting.substring(0, eq).replace('-', '_'), setting.substring(eq + 1)));
        }
        return settings;
    }
}
