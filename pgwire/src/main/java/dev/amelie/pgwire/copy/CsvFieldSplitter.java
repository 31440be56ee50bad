package dev.amelie.pgwire.copy;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV fields (copyfromparse.c CopyReadAttributesCSV): quoted parts may hold delimiters and line
 * breaks, and inside them the escape character (by default the quote itself) escapes a quote or
 * an escape. A field that matches the NULL string and has no quotes is NULL, so {@code ""} is
 * an empty string where the default NULL (nothing) is NULL.
 */
final class CsvFieldSplitter implements FieldSplitter {
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final byte[] nullBytes;
    private final FieldBytes field = new FieldBytes();

    CsvFieldSplitter(byte delimiter, byte quote, byte escape, String nullText) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape;
        this.nullBytes = nullText.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void split(byte[] line, int offset, int length, List<String> fields) {
        fields.clear();
        int end = offset + length;
        int i = offset;
        while (true) {
            int start = i;
            int rawEnd;
            boolean foundDelimiter = false;
            boolean sawQuote = false;
            field.clear();
            outside:
            while (true) {
                // Not in quotes.
                while (true) {
                    rawEnd = i;
                    if (i >= end) {
                        break outside;
                    }
                    byte c = line[i++];
                    if (c == delimiter) {
                        foundDelimiter = true;
                        break outside;
                    }
                    if (c == quote) {
                        sawQuote = true;
                        break;
                    }
                    field.add(c);
                }
                // In quotes.
                while (true) {
                    if (i >= end) {
                        throw new SqlException(SqlState.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
                    }
                    byte c = line[i++];
                    if (c == escape && i < end && (line[i] == escape || line[i] == quote)) {
                        field.add(line[i++]);
                        continue;
                    }
                    if (c == quote) {
                        break;
                    }
                    field.add(c);
                }
            }
            fields.add(!sawQuote && isNull(line, start, rawEnd) ? null : field.value());
            if (!foundDelimiter) {
                return;
            }
        }
    }

    private boolean isNull(byte[] line, int start, int end) {
        return java.util.Arrays.equals(line, start, end, nullBytes, 0, nullBytes.length);
    }
}
