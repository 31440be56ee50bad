package dev.amelie.compute.catalog;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A relation named in text (nextval('s'), PostgreSQL's regclass input): {schema, name}. */
public final class RelationName {
    private RelationName() {}

    /** A regclass text as PostgreSQL reads it: names fold to lower case unless double-quoted; an optional schema. */
    public static String[] parse(String text) {
        List<String> parts = new ArrayList<>(2);
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(quoted ? c : Character.toLowerCase(c));
            }
        }
        parts.add(part.toString().strip());
        if (parts.size() == 1) {
            return new String[] {Catalog.DEFAULT_SCHEMA, parts.getFirst()};
        }
        if (parts.size() == 2) {
            return new String[] {parts.get(0).strip(), parts.get(1)};
        }
        throw new SqlException(SqlState.INVALID_NAME, "improper relation name (too many dotted names): " + text.toLowerCase(Locale.ROOT));
    }
}
