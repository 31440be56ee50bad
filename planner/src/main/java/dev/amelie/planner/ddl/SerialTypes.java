package dev.amelie.planner.ddl;

import dev.amelie.planner.sql.Token;
import dev.amelie.vm.type.SqlType;

import java.util.Locale;

/**
 * serial, bigserial and smallserial: not types but an integer column that is NOT NULL and takes
 * its default from a sequence of its own (PostgreSQL's "Serial Types").
 */
final class SerialTypes {
    private SerialTypes() {}

    /** The integer type when the token names a serial type, else null. */
    static SqlType of(Token token) {
        if (token.kind() != Token.Kind.WORD) {
            return null;
        }
        return switch (token.text().toLowerCase(Locale.ROOT)) {
            case "serial", "serial4" -> SqlType.INTEGER;
            case "bigserial", "serial8" -> SqlType.BIGINT;
            case "smallserial", "serial2" -> SqlType.SMALLINT;
            default -> null;
        };
    }
}
