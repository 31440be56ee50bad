package dev.amelie.pgwire.copy;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text format fields (copyfromparse.c CopyReadAttributesText): fields end at the delimiter; a
 * backslash introduces {@code \b \f \n \r \t \v}, up to three octal digits, {@code \x} with one
 * or two hex digits, or takes the next byte as it is. A field whose raw bytes equal the NULL
 * string (before unescaping, so {@code \\N} is the text {@code \N}) is NULL.
 */
final class TextFieldSplitter implements FieldSplitter {
    private final byte delimiter;
    private final byte[] nullBytes;
    private final FieldBytes field = new FieldBytes();

    TextFieldSplitter(byte delimiter, String nullText) {
        this.delimiter = delimiter;
        this.nullBytes = nullText.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void split(byte[] line, int offset, int length, List<String> fields) {
        fields.clear();
        int end = offset + length;
        int i = offset;
        while (true) {
            int start = i;
            boolean foundDelimiter = false;
            field.clear();
            while (i < end) {
                byte c = line[i++];
                if (c == delimiter) {
                    foundDelimiter = true;
                    break;
                }
                if (c != '\\') {
                    field.add(c);
                    continue;
                }
                if (i >= end) {
                    break; // a backslash at the end of the line is dropped
                }
                c = line[i++];
                switch (c) {
                    case 'b' -> field.add((byte) '\b');
                    case 'f' -> field.add((byte) '\f');
                    case 'n' -> field.add((byte) '\n');
                    case 'r' -> field.add((byte) '\r');
                    case 't' -> field.add((byte) '\t');
                    case 'v' -> field.add((byte) 0x0B);
                    case 'x' -> {
                        int digit = i < end ? Character.digit(line[i], 16) : -1;
                        if (digit < 0) {
                            field.add(c);
                            break;
                        }
                        int value = digit;
                        i++;
                        digit = i < end ? Character.digit(line[i], 16) : -1;
                        if (digit >= 0) {
                            value = (value << 4) + digit;
                            i++;
                        }
                        field.add((byte) value);
                    }
                    default -> {
                        if (c >= '0' && c <= '7') {
                            int value = c - '0';
                            for (int k = 0; k < 2 && i < end && line[i] >= '0' && line[i] <= '7'; k++) {
                                value = (value << 3) + (line[i++] - '0');
                            }
                            field.add((byte) value);
                        } else {
                            field.add(c);
                        }
                    }
                }
            }
            int rawEnd = foundDelimiter ? i - 1 : i;
            fields.add(isNull(line, start, rawEnd) ? null : field.value());
            if (!foundDelimiter) {
                return;
            }
        }
    }

    private boolean isNull(byte[] line, int start, int end) {
        return java.util.Arrays.equals(line, start, end, nullBytes, 0, nullBytes.length);
    }
}
