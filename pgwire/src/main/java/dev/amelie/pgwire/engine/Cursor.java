package dev.amelie.pgwire.engine;

import dev.amelie.pgwire.session.QueryEngine.ResultColumn;
import dev.amelie.planner.PlannedStatement.FetchCursor;
import dev.amelie.planner.PlannedStatement.FetchCursor.Direction;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * An open cursor: every row of its query, taken when it was declared, and where FETCH and MOVE
 * have left it. Holding the rows makes it INSENSITIVE (later changes are not seen), as
 * PostgreSQL's cursors are in effect, and lets FETCH read without touching a compute node; the
 * price is memory for all its rows until it is closed.
 *
 * <p>The movement is PostgreSQL's, step for step (pquery.c DoPortalRunFetch, PortalRunSelect,
 * DoPortalRewind over a tuplestore), so that counts, the rows of ABSOLUTE and RELATIVE at the
 * edges, MOVE's tag and the NO SCROLL errors come out the same.
 *
 * <p>Confined to its connection, which runs one message at a time.
 */
final class Cursor {
    /** What a FETCH or MOVE did: the rows to send (FETCH) and the count its tag reports. */
    record Moved(List<Object[]> rows, long count) {}

    final String name;
    final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private final boolean scroll;
    final boolean hold;
    final boolean binary;
    /**
     * Where its DECLARE is among the statements of the open transaction, so that ROLLBACK TO a
     * savepoint before it closes it; -1 once the transaction that declared it committed (WITH HOLD).
     */
    int declaredAt;

    // PostgreSQL's portal position (portal.h): rows fetched so far, and whether at either end.
    private long portalPos;
    private boolean atStart = true;
    private boolean atEnd;
    // The row store's read pointer (tuplestore.c): rows read forward so far, and whether it ran off the end.
    private int current;
    private boolean eofReached;
    private boolean failed;

    Cursor(String name, List<ResultColumn> columns, List<Object[]> rows, boolean scroll, boolean hold, boolean binary,
           int declaredAt) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
        this.scroll = scroll;
        this.hold = hold;
        this.binary = binary;
        this.declaredAt = declaredAt;
    }

    /**
     * FETCH ({@code rows} wanted) or MOVE: moves as PostgreSQL's DoPortalRunFetch does. A FETCH
     * that fails leaves the cursor failed, unusable until closed (portalmem.c MarkPortalFailed:
     * a WITH HOLD cursor outlives the transaction the error ends, but not the error).
     */
    Moved fetch(Direction direction, long count, boolean wantRows) {
        if (failed) {
            throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "portal \"" + name + "\" cannot be run");
        }
        List<Object[]> sink = wantRows ? new ArrayList<>() : null;
        long moved;
        try {
            moved = run(direction, count, sink);
        } catch (SqlException e) {
            failed = true;
            throw e;
        }
        return new Moved(sink == null ? List.of() : sink, moved);
    }

    private long run(Direction direction, long count, List<Object[]> sink) {
        boolean forward;
        switch (direction) {
            case FORWARD -> {
                forward = count >= 0;
                count = Math.abs(count);
            }
            case BACKWARD -> {
                forward = count < 0;
                count = Math.abs(count);
            }
            case ABSOLUTE -> {
                return absolute(count, sink);
            }
            case RELATIVE -> {
                if (count > 0) {
                    if (count > 1) {
                        select(true, count - 1, null);
                    }
                    return select(true, 1, sink);
                }
                if (count < 0) {
                    if (count < -1) {
                        select(false, -count - 1, null);
                    }
                    return select(false, 1, sink);
                }
                forward = true;
            }
            default -> throw new IllegalStateException("unknown direction " + direction);
        }
        if (count == 0) {
            // FETCH 0 fetches the current row again, if the cursor is on one; MOVE 0 says whether it is.
            boolean onRow = !atStart && !atEnd;
            if (sink == null) {
                return onRow ? 1 : 0;
            }
            if (onRow) {
                select(false, 1, null);
                count = 1;
                forward = true;
            }
        }
        if (!forward && count == FetchCursor.ALL && sink == null) {
            // MOVE BACKWARD ALL is a rewind, counting the rows it passes.
            long passed = portalPos;
            if (passed > 0 && !atEnd) {
                passed--;
            }
            rewind();
            return passed;
        }
        return select(forward, count, sink);
    }

    /** ABSOLUTE n: row n from the start (n > 0), -n from the end (n < 0), before the first (0). */
    private long absolute(long count, List<Object[]> sink) {
        if (count > 0) {
            // Rewinding and reading forward or stepping from where it is: whichever is shorter.
            if (count - 1 <= portalPos / 2) {
                rewind();
                if (count > 1) {
                    select(true, count - 1, null);
                }
            } else {
                long position = atEnd ? portalPos + 1 : portalPos;
                if (count <= position) {
                    select(false, position - count + 1, null);
                } else if (count > position + 1) {
                    select(true, count - position - 1, null);
                }
            }
            return select(true, 1, sink);
        }
        if (count < 0) {
            select(true, FetchCursor.ALL, null);
            if (count < -1) {
                select(false, -count - 1, null);
            }
            return select(false, 1, sink);
        }
        rewind();
        return select(true, 0, sink);
    }

    /** pquery.c PortalRunSelect: up to {@code count} rows one way (ALL: every one), keeping the position. */
    private long select(boolean forward, long count, List<Object[]> sink) {
        if (forward) {
            if (atEnd || count <= 0) {
                return 0;
            }
            long processed = read(true, count, sink);
            if (processed > 0) {
                atStart = false;
            }
            if (count == FetchCursor.ALL || processed < count) {
                atEnd = true;
            }
            portalPos += processed;
            return processed;
        }
        if (!scroll) {
            throw forwardOnly();
        }
        if (atStart || count <= 0) {
            return 0;
        }
        long processed = read(false, count, sink);
        if (processed > 0 && atEnd) {
            atEnd = false;
            portalPos++;
        }
        if (count == FetchCursor.ALL || processed < count) {
            atStart = true;
            portalPos = 0;
        } else {
            portalPos -= processed;
        }
        return processed;
    }

    /** Reads rows from the store as tuplestore.c does for a read pointer; the store's own end rules. */
    private long read(boolean forward, long count, List<Object[]> sink) {
        long processed = 0;
        while (processed < count) {
            Object[] row = forward ? next() : previous();
            if (row == null) {
                break;
            }
            if (sink != null) {
                sink.add(row);
            }
            processed++;
        }
        return processed;
    }

    private Object[] next() {
        if (eofReached) {
            return null;
        }
        if (current < rows.size()) {
            return rows.get(current++);
        }
        eofReached = true;
        return null;
    }

    /** The row before the last one read, or the last row once the end was reached. */
    private Object[] previous() {
        if (eofReached) {
            current = rows.size();
            eofReached = false;
        } else {
            if (current <= 0) {
                return null;
            }
            current--;
        }
        return current <= 0 ? null : rows.get(current - 1);
    }

    /** pquery.c DoPortalRewind: back before the first row; only a SCROLL cursor that has moved needs to. */
    private void rewind() {
        if (atStart && !atEnd) {
            return;
        }
        if (!scroll) {
            throw forwardOnly();
        }
        current = 0;
        eofReached = false;
        atStart = true;
        atEnd = false;
        portalPos = 0;
    }

    private static SqlException forwardOnly() {
        return new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cursor can only scan forward", null,
                "Declare it with SCROLL option to enable backward scan.", 0, null);
    }
}
