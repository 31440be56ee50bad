package dev.amelie.compat.differential;

import java.util.List;

/**
 * What one server answered to one statement: the RowDescription's fields (null for NoData),
 * the DataRows as the raw bytes of each column (null for SQL NULL), and the CommandComplete
 * tag, or only the SQLSTATE of an ErrorResponse. Error messages are kept for the report but
 * never compared: PostgreSQL's wording is not ours to copy byte for byte.
 */
record Capture(List<Field> fields, List<byte[][]> rows, String commandTag, String sqlState, String errorMessage) {

    /**
     * One RowDescription field. The table OID and column number are left out: table OIDs are
     * each server's own, and this server sends 0 for both until its catalog gives columns an
     * identity (see pgwire's RowDescription).
     */
    record Field(String name, int typeOid, short typlen, int typmod, short format) {
        @Override
        public String toString() {
            return "\"" + name + "\" oid=" + typeOid + " typlen=" + typlen + " typmod=" + typmod + " format=" + format;
        }
    }

    static Capture error(String sqlState, String errorMessage) {
        return new Capture(null, List.of(), null, sqlState, errorMessage);
    }

    boolean failed() {
        return sqlState != null;
    }
}
