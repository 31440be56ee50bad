package dev.amelie.compat.differential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Where our answer to a statement differs from PostgreSQL 15's, as readable lines: the field
 * or value that differs, both sides as text and as hex. Errors compare by SQLSTATE only.
 */
final class Mismatch {
    private static final int MAX_LINES = 8;

    private Mismatch() {
    }

    /** The differences between the two answers; empty when they are the same. */
    static List<String> between(Capture ours, Capture postgres) {
        List<String> lines = new ArrayList<>();
        if (ours.failed() || postgres.failed()) {
            if (!Objects.equals(ours.sqlState(), postgres.sqlState())) {
                lines.add("ours:     " + outcome(ours));
                lines.add("postgres: " + outcome(postgres));
            }
            return lines;
        }
        compareFields(ours.fields(), postgres.fields(), lines);
        if (!Objects.equals(ours.commandTag(), postgres.commandTag())) {
            lines.add("command tag: ours " + ours.commandTag() + ", postgres " + postgres.commandTag());
        }
        if (ours.rows().size() != postgres.rows().size()) {
            lines.add("rows: ours " + ours.rows().size() + ", postgres " + postgres.rows().size());
        }
        int rows = Math.min(ours.rows().size(), postgres.rows().size());
        for (int r = 0; r < rows && lines.size() < MAX_LINES; r++) {
            byte[][] ourRow = ours.rows().get(r);
            byte[][] theirRow = postgres.rows().get(r);
            if (ourRow.length != theirRow.length) {
                lines.add("row " + (r + 1) + ": ours " + ourRow.length + " columns, postgres " + theirRow.length);
                continue;
            }
            for (int c = 0; c < ourRow.length; c++) {
                if (!Arrays.equals(ourRow[c], theirRow[c])) {
                    lines.add("row " + (r + 1) + " column " + (c + 1) + columnName(postgres, c)
                            + ": ours " + value(ourRow[c]) + ", postgres " + value(theirRow[c]));
                }
            }
        }
        return lines;
    }

    private static void compareFields(List<Capture.Field> ours, List<Capture.Field> postgres, List<String> lines) {
        if (ours == null || postgres == null) {
            if (ours != postgres) {
                lines.add("row description: ours " + ours + ", postgres " + postgres);
            }
            return;
        }
        if (ours.size() != postgres.size()) {
            lines.add("row description: ours " + ours + ", postgres " + postgres);
            return;
        }
        for (int i = 0; i < ours.size(); i++) {
            if (!ours.get(i).equals(postgres.get(i))) {
                lines.add("field " + (i + 1) + ": ours " + ours.get(i) + ", postgres " + postgres.get(i));
            }
        }
    }

    private static String outcome(Capture capture) {
        if (capture.failed()) {
            return "error " + capture.sqlState() + " (" + capture.errorMessage() + ")";
        }
        return capture.commandTag() + (capture.rows().isEmpty() ? "" : ", first row " + row(capture.rows().getFirst()));
    }

    private static String row(byte[][] columns) {
        List<String> values = new ArrayList<>();
        for (byte[] column : columns) {
            values.add(value(column));
        }
        return String.join(", ", values);
    }

    private static String columnName(Capture capture, int column) {
        return capture.fields() != null && column < capture.fields().size() ? " \"" + capture.fields().get(column).name() + "\"" : "";
    }

    /** A value as text (UTF-8, control bytes escaped) and as hex: binary formats are read by the hex. */
    static String value(byte[] bytes) {
        if (bytes == null) {
            return "NULL";
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || cp == 0xfffd) {
                printable.append('.');
            } else {
                printable.appendCodePoint(cp);
            }
        });
        return "'" + printable + "' [" + HexFormat.ofDelimiter(" ").formatHex(bytes) + "]";
    }
}
