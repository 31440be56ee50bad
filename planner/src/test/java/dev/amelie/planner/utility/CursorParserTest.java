package dev.amelie.planner.utility;

import dev.amelie.planner.PlannedStatement.CloseCursor;
import dev.amelie.planner.PlannedStatement.FetchCursor;
import dev.amelie.planner.PlannedStatement.FetchCursor.Direction;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accepted forms follow PostgreSQL 15's gram.y (DeclareCursorStmt, FetchStmt, ClosePortalStmt). */
class CursorParserTest {

    @Test
    void declareKeepsNameOptionsAndWhereTheQueryStarts() {
        String sql = "DECLARE c BINARY INSENSITIVE NO SCROLL CURSOR WITH HOLD FOR select * from t";
        CursorParser.Declaration d = CursorParser.parseDeclare(sql);
        assertEquals("c", d.name());
        assertEquals(Boolean.FALSE, d.scroll());
        assertTrue(d.hold());
        assertTrue(d.binary());
        assertEquals("select * from t", d.query());
        assertEquals(sql.indexOf("select"), d.queryStart());
    }

    @Test
    void declareWithoutScrollOptionsLeavesTheChoiceOpen() {
        CursorParser.Declaration d = CursorParser.parseDeclare("declare \"My C\" cursor without hold for values (1)");
        assertEquals("My C", d.name());
        assertNull(d.scroll());
        assertFalse(d.hold());
        assertEquals(Boolean.TRUE, CursorParser.parseDeclare("declare c scroll cursor for (select 1)").scroll());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "declare c cursor for insert into t values (1)|insert",
            "declare all cursor for select 1|all",
            "declare s.c cursor for select 1|.",
            "declare c cursor select 1|select",
            "declare c cursor with for select 1|for"})
    void malformedDeclareRaises42601AtTheToken(String sql, String token) {
        SqlException e = assertThrows(SqlException.class, () -> CursorParser.parseDeclare(sql));
        assertEquals(SqlState.SYNTAX_ERROR, e.state());
        assertEquals("syntax error at or near \"" + token + "\"", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"declare c scroll no scroll cursor for select 1", "declare c asensitive insensitive cursor for select 1"})
    void contradictoryOptionsRaise42P11(String sql) {
        assertEquals(SqlState.INVALID_CURSOR_DEFINITION,
                assertThrows(SqlException.class, () -> CursorParser.parseDeclare(sql)).state());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fetch c|FORWARD|1", "fetch from c|FORWARD|1", "FETCH NEXT IN c|FORWARD|1", "fetch next c|FORWARD|1",
            "fetch prior from c|BACKWARD|1", "fetch first c|ABSOLUTE|1", "fetch last c|ABSOLUTE|-1",
            "fetch absolute -3 from c|ABSOLUTE|-3", "fetch relative 0 c|RELATIVE|0", "fetch relative +2 c|RELATIVE|2",
            "fetch 5 c|FORWARD|5", "fetch -5 c|FORWARD|-5", "fetch all in c|FORWARD|" + Long.MAX_VALUE,
            "fetch forward c|FORWARD|1", "fetch forward 3 from c|FORWARD|3", "fetch forward all c|FORWARD|" + Long.MAX_VALUE,
            "fetch backward c|BACKWARD|1", "fetch backward -2 c|BACKWARD|-2", "fetch backward all c|BACKWARD|" + Long.MAX_VALUE})
    void fetchDirections(String sql, Direction direction, long count) {
        assertEquals(new FetchCursor("c", direction, count, false), CursorParser.parseFetch(sql));
    }

    @Test
    void moveIsFetchWithoutRowsAndADirectionWordAloneIsTheCursorsName() {
        assertEquals(new FetchCursor("c", Direction.FORWARD, FetchCursor.ALL, true), CursorParser.parseFetch("move all in c"));
        assertEquals(new FetchCursor("next", Direction.FORWARD, 1, false), CursorParser.parseFetch("fetch next"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fetch", "fetch all", "fetch absolute from c", "fetch 99999999999 c", "fetch c d", "move from"})
    void malformedFetchRaises42601(String sql) {
        assertEquals(SqlState.SYNTAX_ERROR, assertThrows(SqlException.class, () -> CursorParser.parseFetch(sql)).state());
    }

    @Test
    void closeOneOrAll() {
        assertEquals(new CloseCursor("c"), CursorParser.parseClose("close c"));
        assertEquals(new CloseCursor(null), CursorParser.parseClose("CLOSE ALL"));
        assertEquals(SqlState.SYNTAX_ERROR, assertThrows(SqlException.class, () -> CursorParser.parseClose("close")).state());
    }
}
