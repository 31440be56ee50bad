package dev.amelie.pgwire.type;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

/** The two wire formats of a value (protocol chapter "Formats and Format Codes"). */
public enum FormatCode {
    TEXT,
    BINARY;

    /** The code as sent on the wire: 0 text, 1 binary. */
    public short code() {
        return (short) ordinal();
    }

    public static FormatCode of(int code) {
        return switch (code) {
            case 0 -> TEXT;
            case 1 -> BINARY;
            // postgres.c and pquery.c reject other codes with this message and SQLSTATE.
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "unsupported format code: " + code);
        };
    }
}
