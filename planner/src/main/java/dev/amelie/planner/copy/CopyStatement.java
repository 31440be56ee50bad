package dev.amelie.planner.copy;

import java.util.List;

/**
 * A parsed COPY statement: {@code COPY table [(columns)] FROM STDIN | TO STDOUT} or
 * {@code COPY (query) TO STDOUT}. Names are not resolved yet: a table created earlier in the
 * same message must be found when the COPY's turn comes.
 *
 * @param schema  the table's schema, null when not written
 * @param table   the table name, null for COPY (query)
 * @param columns the column list, empty for all columns
 * @param query   the query text of COPY (query) TO, else null
 * @param from    true for FROM STDIN, false for TO STDOUT
 */
public record CopyStatement(String schema, String table, List<String> columns, String query, boolean from,
                            CopyOptions options) {
    public CopyStatement {
        columns = List.copyOf(columns);
    }

    /** What PostgreSQL's error context calls the copy: the table name, or nothing for a query. */
    public String relationName() {
        return table;
    }
}
