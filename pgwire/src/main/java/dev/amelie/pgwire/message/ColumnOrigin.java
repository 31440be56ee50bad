package dev.amelie.pgwire.message;

/**
 * Where a result column comes from, as RowDescription says: the table's OID and the column's
 * number in it (from 1), or 0 and 0 for a column computed by the query.
 */
public record ColumnOrigin(int tableOid, short column) {
    public static final ColumnOrigin NONE = new ColumnOrigin(0, (short) 0);
}
