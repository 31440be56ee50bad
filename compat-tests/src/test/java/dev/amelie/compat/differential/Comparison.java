package dev.amelie.compat.differential;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs statements on our server and on PostgreSQL 15 in every {@link Mode} and every session
 * {@link #SESSIONS setting}, and keeps what differs. Each session is one connection per server.
 */
final class Comparison {
    /** How a statement is sent and in which format its results come back. */
    enum Mode {
        SIMPLE_QUERY("simple query, text", (short) 0),
        EXTENDED_TEXT("extended, text", (short) 0),
        EXTENDED_BINARY("extended, binary", (short) 1);

        private final String label;
        private final short resultFormat;

        Mode(String label, short resultFormat) {
            this.label = label;
            this.resultFormat = resultFormat;
        }

        Capture run(WireClient client, QueryFile.Statement statement) throws IOException {
            return this == SIMPLE_QUERY ? client.simple(statement.sql()) : client.extended(statement.sql(), statement.parameters(), resultFormat);
        }
    }

    /**
     * The sessions every statement runs in: UTC and ISO dates on both, as pgjdbc asks at
     * startup; extra_float_digits at PostgreSQL's default (1) and at pgjdbc's 3. Both ask for
     * the shortest round-trip float text since PostgreSQL 12 (float.c, float8out_internal).
     */
    static final List<Map<String, String>> SESSIONS = List.of(session("1"), session("3"));

    private final int ourPort;
    private final int postgresPort;
    private final List<Difference> differences = new ArrayList<>();
    /** Statements PostgreSQL answered with a RowDescription or an error (not SET and other utilities). */
    private final Set<QueryFile.Statement> answered = new HashSet<>();
    private int comparisons;

    record Difference(QueryFile.Statement statement, String context, List<String> lines) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            text.append(statement.origin()).append(" [").append(context).append("]\n  ").append(statement.sql().replace("\n", "\n  "));
            if (!statement.parameters().isEmpty()) {
                text.append("\n  parameters ").append(statement.parameters());
            }
            if (!statement.note().isEmpty()) {
                text.append("\n  note: ").append(statement.note());
            }
            for (String line : lines) {
                text.append("\n    ").append(line);
            }
            return text.toString();
        }
    }

    Comparison(int ourPort, int postgresPort) {
        this.ourPort = ourPort;
        this.postgresPort = postgresPort;
    }

    void run(List<QueryFile.Statement> statements) throws IOException {
        for (Map<String, String> session : SESSIONS) {
            try (WireClient ours = WireClient.connect(ourPort, session);
                 WireClient postgres = WireClient.connect(postgresPort, session)) {
                for (QueryFile.Statement statement : statements) {
                    for (Mode mode : Mode.values()) {
                        if (mode == Mode.SIMPLE_QUERY && !statement.parameters().isEmpty()) {
                            continue;
                        }
                        comparisons++;
                        Capture theirs = mode.run(postgres, statement);
                        if (theirs.failed() || theirs.fields() != null) {
                            answered.add(statement);
                        }
                        List<String> lines = Mismatch.between(mode.run(ours, statement), theirs);
                        if (!lines.isEmpty()) {
                            differences.add(new Difference(statement, mode.label + ", extra_float_digits=" + session.get("extra_float_digits"), lines));
                        }
                    }
                }
            }
        }
    }

    int comparisons() {
        return comparisons;
    }

    List<Difference> differences() {
        return differences;
    }

    /** Statements that return rows or fail on PostgreSQL, as opposed to SET and other utilities. */
    boolean answersWithRowsOrError(QueryFile.Statement statement) {
        return answered.contains(statement);
    }

    /** The statements with at least one difference, in file order. */
    List<QueryFile.Statement> differingStatements() {
        return differences.stream().map(Difference::statement).distinct().toList();
    }

    String report() {
        StringBuilder text = new StringBuilder();
        for (Difference difference : differences) {
            text.append(difference).append('\n');
        }
        return text.toString();
    }

    private static Map<String, String> session(String extraFloatDigits) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("database", "amelie");
        parameters.put("client_encoding", "UTF8");
        parameters.put("DateStyle", "ISO, MDY");
        parameters.put("TimeZone", "UTC");
        parameters.put("extra_float_digits", extraFloatDigits);
        return parameters;
    }
}
