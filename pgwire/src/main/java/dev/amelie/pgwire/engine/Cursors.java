package dev.amelie.pgwire.engine;

import dev.amelie.pgwire.session.QueryEngine.ResultColumn;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open cursors of one connection and how they end with transactions (portalmem.c
 * AtCommit_Portals, AtAbort_Portals, AtSubAbort_Portals): COMMIT closes those without HOLD;
 * ROLLBACK closes every cursor the transaction declared (WITH HOLD ones too) and keeps those held
 * over from earlier transactions; ROLLBACK TO SAVEPOINT closes those declared after the savepoint.
 *
 * <p>Written by the connection's transaction runner, one message at a time; read by the protocol
 * session (Bind of a FETCH) between messages, hence the concurrent map.
 */
final class Cursors {
    private final Map<String, Cursor> open = new ConcurrentHashMap<>();

    Cursor get(String name) {
        Cursor cursor = open.get(name);
        if (cursor == null) {
            throw new SqlException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + name + "\" does not exist");
        }
        return cursor;
    }

    /** The columns FETCH from the cursor returns, or null when there is no such cursor. */
    List<ResultColumn> columns(String name) {
        Cursor cursor = open.get(name);
        return cursor == null ? null : cursor.columns;
    }

    void checkFree(String name) {
        if (open.containsKey(name)) {
            throw new SqlException(SqlState.DUPLICATE_CURSOR, "cursor \"" + name + "\" already exists");
        }
    }

    void add(Cursor cursor) {
        checkFree(cursor.name);
        open.put(cursor.name, cursor);
    }

    void close(String name) {
        if (open.remove(name) == null) {
            throw new SqlException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + name + "\" does not exist");
        }
    }

    void closeAll() {
        open.clear();
    }

    /** The transaction committed: cursors without HOLD end, held ones now belong to the session. */
    void commit() {
        open.values().removeIf(cursor -> !cursor.hold);
        open.values().forEach(cursor -> cursor.declaredAt = -1);
    }

    /** The transaction was undone: what it declared goes; cursors held over from before stay. */
    void rollback() {
        open.values().removeIf(cursor -> cursor.declaredAt >= 0);
    }

    /** ROLLBACK TO a savepoint {@code mark} statements into the transaction. */
    void rollbackTo(int mark) {
        open.values().removeIf(cursor -> cursor.declaredAt >= mark);
    }

    boolean isEmpty() {
        return open.isEmpty();
    }
}
