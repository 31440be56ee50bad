package dev.amelie.planner.copy;

/**
 * The backslash escapes of an E'...' string constant (PostgreSQL 15, "String Constants with
 * C-Style Escapes"): COPY options such as {@code DELIMITER E'\t'} are written this way.
 */
final class EscapeString {
    private EscapeString() {}

    static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> {
                    int end = i + 1;
                    while (end < body.length() && end < i + 3 && Character.digit(body.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        out.append('x');
                    } else {
                        out.append((char) Integer.parseInt(body.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                default -> {
                    if (next >= '0' && next <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(body.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append(next);
                    }
                }
            }
        }
        return out.toString();
    }
}
