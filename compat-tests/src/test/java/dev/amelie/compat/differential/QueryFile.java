package dev.amelie.compat.differential;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A resource file of statements, each ending with {@code ;} at the end of a line (a statement may
 * span lines). Lines starting with {@code --} are comments; the comments right above a
 * statement are its note, printed with it in reports. A comment line
 * {@code -- params: 5 | abc | NULL} gives the next statement its parameters, sent as text
 * ({@code NULL} for SQL NULL); such a statement runs in the extended protocol only.
 */
final class QueryFile {
    private static final String PARAMETERS = "-- params:";

    private QueryFile() {
    }

    record Statement(String sql, List<String> parameters, String note, String origin) {
    }

    static List<Statement> read(String resource) throws IOException {
        String text;
        try (InputStream in = QueryFile.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Statement> statements = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        StringBuilder note = new StringBuilder();
        List<String> parameters = List.of();
        int firstLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (sql.isEmpty() && line.startsWith(PARAMETERS)) {
                parameters = parseParameters(line.substring(PARAMETERS.length()));
            } else if (sql.isEmpty() && line.startsWith("--")) {
                note.append(line.substring(2).strip()).append(' ');
            } else if (sql.isEmpty() && line.isEmpty()) {
                note.setLength(0);
            } else {
                if (sql.isEmpty()) {
                    firstLine = i + 1;
                } else {
                    sql.append('\n');
                }
                sql.append(line);
                if (line.endsWith(";")) {
                    sql.setLength(sql.length() - 1);
                    statements.add(new Statement(sql.toString(), parameters, note.toString().strip(), resource + ":" + firstLine));
                    sql.setLength(0);
                    note.setLength(0);
                    parameters = List.of();
                }
            }
        }
        if (!sql.isEmpty()) {
            throw new IllegalStateException(resource + ":" + firstLine + ": statement without a closing ;");
        }
        return statements;
    }

    private static List<String> parseParameters(String list) {
        return Arrays.stream(list.split("\\|", -1))
                .map(String::strip)
                .map(value -> value.equals("NULL") ? null : value)
                .toList();
    }
}
