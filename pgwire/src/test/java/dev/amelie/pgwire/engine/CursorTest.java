package dev.amelie.pgwire.engine;

import dev.amelie.planner.PlannedStatement.FetchCursor;
import dev.amelie.planner.PlannedStatement.FetchCursor.Direction;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * FETCH and MOVE over the rows 1, 2, 3: every expectation is what PostgreSQL 15 answered for the
 * same statements on {@code declare c scroll cursor for select g from generate_series(1, 3) g}.
 */
class CursorTest {

    private static Cursor cursor(boolean scroll) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rows.add(new Object[] {i});
        }
        return new Cursor("c", List.of(), rows, scroll, false, false, 0);
    }

    private static String fetch(Cursor cursor, Direction direction, long count) {
        StringBuilder shown = new StringBuilder();
        for (Object[] row : cursor.fetch(direction, count, true).rows()) {
            shown.append(row[0]);
        }
        return shown.toString();
    }

    private static long move(Cursor cursor, Direction direction, long count) {
        return cursor.fetch(direction, count, false).count();
    }

    @Test
    void everyDirectionMovesAsPostgresDoes() {
        Cursor c = cursor(true);
        assertEquals("3", fetch(c, Direction.ABSOLUTE, -1));
        assertEquals("2", fetch(c, Direction.RELATIVE, -1));
        assertEquals("3", fetch(c, Direction.ABSOLUTE, -1));
        assertEquals("", fetch(c, Direction.FORWARD, FetchCursor.ALL));
        assertEquals("321", fetch(c, Direction.BACKWARD, FetchCursor.ALL));
        assertEquals(1, move(c, Direction.ABSOLUTE, 2));
        assertEquals("2", fetch(c, Direction.RELATIVE, 0));
        assertEquals("1", fetch(c, Direction.FORWARD, -1));
        assertEquals("2", fetch(c, Direction.BACKWARD, -1));
        assertEquals(1, move(c, Direction.FORWARD, FetchCursor.ALL));
        assertEquals(3, move(c, Direction.BACKWARD, 10));
        assertEquals("1", fetch(c, Direction.FORWARD, 1));
        assertEquals("23", fetch(c, Direction.FORWARD, FetchCursor.ALL));
        assertEquals("1", fetch(c, Direction.ABSOLUTE, 1));
        assertEquals("2", fetch(c, Direction.FORWARD, 1));
        assertEquals("3", fetch(c, Direction.FORWARD, 1));
        assertEquals("", fetch(c, Direction.ABSOLUTE, 0));
        assertEquals("", fetch(c, Direction.ABSOLUTE, 10));
        assertEquals("", fetch(c, Direction.RELATIVE, 2));
        assertEquals("", fetch(c, Direction.RELATIVE, -10));
        assertEquals("", fetch(c, Direction.BACKWARD, 1));
        assertEquals("1", fetch(c, Direction.FORWARD, 1));
    }

    @Test
    void moveCountsAndMoveBackwardAllRewinds() {
        Cursor c = cursor(true);
        assertEquals(0, move(c, Direction.FORWARD, 0));
        assertEquals(2, move(c, Direction.FORWARD, 2));
        assertEquals(1, move(c, Direction.FORWARD, 0));
        assertEquals(1, move(c, Direction.BACKWARD, FetchCursor.ALL));
        assertEquals("1", fetch(c, Direction.FORWARD, 1));
        assertEquals(2, move(c, Direction.FORWARD, FetchCursor.ALL));
        assertEquals(0, move(c, Direction.FORWARD, 0));
        assertEquals(3, move(c, Direction.BACKWARD, FetchCursor.ALL));
    }

    @Test
    void noScrollRefusesBackwardMovesButNotARewindBeforeMoving() {
        Cursor c = cursor(false);
        assertEquals("1", fetch(c, Direction.ABSOLUTE, 1));
        assertEquals("3", fetch(c, Direction.ABSOLUTE, 3));
        SqlException backward = assertThrows(SqlException.class, () -> fetch(c, Direction.ABSOLUTE, 1));
        assertEquals(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, backward.state());
        assertEquals("cursor can only scan forward", backward.getMessage());
        assertEquals("Declare it with SCROLL option to enable backward scan.", backward.hint());
    }

    @Test
    void aCursorWhoseFetchFailedCannotBeRunAgain() {
        Cursor c = cursor(false);
        fetch(c, Direction.FORWARD, 1);
        assertThrows(SqlException.class, () -> fetch(c, Direction.BACKWARD, 1));
        SqlException failed = assertThrows(SqlException.class, () -> fetch(c, Direction.FORWARD, 1));
        assertEquals("portal \"c\" cannot be run", failed.getMessage());
    }
}
