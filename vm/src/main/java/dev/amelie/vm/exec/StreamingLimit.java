package dev.amelie.vm.exec;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

/**
 * LIMIT and OFFSET applied to rows as they are produced instead of to a materialized set: the
 * producer stops once the limit has its rows, as PostgreSQL's Limit node stops pulling. That is
 * what lets {@code WITH RECURSIVE r AS (… UNION ALL … no end …) SELECT * FROM r LIMIT 10} end
 * (queries.html#QUERIES-WITH). Its state is four registers of the running section: rows seen,
 * offset, offset + count, and whether the current row is kept.
 */
final class StreamingLimit {
    private StreamingLimit() {}

    static void start(Object[] r, int first, Object offsetValue, Object countValue) {
        long offset = offset(offsetValue);
        long count = count(countValue);
        r[first] = 0L;
        r[first + 1] = offset;
        r[first + 2] = count > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + count;
        r[first + 3] = Boolean.FALSE;
    }

    /** False when the limit already has all its rows; else counts the row and says whether it is kept. */
    static boolean take(Object[] r, int first) {
        long seen = (Long) r[first];
        if (seen >= (Long) r[first + 2]) {
            return false;
        }
        seen++;
        r[first] = seen;
        r[first + 3] = seen > (Long) r[first + 1];
        return true;
    }

    /** OFFSET's value; NULL is none, as in PostgreSQL. */
    static long offset(Object value) {
        long offset = value == null ? 0 : ((Number) value).longValue();
        if (offset < 0) {
            throw new SqlException(SqlState.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE, "OFFSET must not be negative");
        }
        return offset;
    }

    /** LIMIT's value; NULL is no limit, as in PostgreSQL. */
    static long count(Object value) {
        long count = value == null ? Long.MAX_VALUE : ((Number) value).longValue();
        if (count < 0) {
            throw new SqlException(SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, "LIMIT must not be negative");
        }
        return count;
    }
}
