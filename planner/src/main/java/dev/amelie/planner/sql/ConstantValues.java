package dev.amelie.planner.sql;

import dev.amelie.vm.type.SqlType;
import dev.amelie.vm.value.DateTimeText;
import dev.amelie.vm.value.TextInput;

import java.util.List;

/**
 * Converts the constants {@link LiteralNormalizer} took out of a statement to the types its plan
 * gave their parameters, with the types' own text input. Any constant that does not convert as
 * written (2.5 where an integer goes, 3000000000 where an int goes) means the normalized plan
 * does not fit this statement. A timestamptz constant without an offset is read in the session's
 * zone, as PostgreSQL reads it: the values (unlike the shared plan) belong to the session.
 */
public final class ConstantValues {
    private ConstantValues() {}

    /** The values, or null when the plan does not fit the constants. */
    public static Object[] convert(List<LiteralNormalizer.Constant> constants, SqlType[] types, java.time.ZoneId zone) {
        if (types.length != constants.size()) {
            return null;
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            LiteralNormalizer.Constant constant = constants.get(i);
            try {
                values[i] = switch (types[i]) {
                    case SMALLINT, INTEGER, BIGINT -> constant.number() ? TextInput.parseIntegral(constant.text(), types[i]) : null;
                    case DOUBLE -> constant.number() ? TextInput.parseDouble(constant.text(), false) : null;
                    case REAL -> constant.number() ? (float) TextInput.parseDouble(constant.text(), true) : null;
                    case NUMERIC -> constant.number() ? TextInput.parseNumeric(constant.text()) : null;
                    case TEXT -> constant.number() ? null : constant.text();
                    case DATE -> constant.number() ? null : DateTimeText.parseDate(constant.text());
                    case TIMESTAMP -> constant.number() ? null : DateTimeText.parseTimestamp(constant.text());
                    case TIMESTAMPTZ -> constant.number() ? null : DateTimeText.parseTimestamptz(constant.text(), zone);
                    // Types read only from text: a string constant is their text input, as PostgreSQL reads an unknown literal.
                    case JSON, JSONB, INTERVAL, UUID, BYTEA, TIME -> constant.number() ? null
                            : dev.amelie.vm.value.Values.cast(constant.text(), types[i], zone);
                    default -> null;
                };
            } catch (RuntimeException doesNotConvert) {
                return null;
            }
            if (values[i] == null) {
                return null;
            }
        }
        return values;
    }
}
