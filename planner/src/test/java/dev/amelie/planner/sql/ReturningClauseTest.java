package dev.amelie.planner.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReturningClauseTest {

    @Test
    void splitsAtATopLevelReturning() {
        ReturningClause.Split split = ReturningClause.split("insert into t (a) values (1) RETURNING \"id\", a * 2 as b;");
        assertEquals("insert into t (a) values (1) ", split.statement());
        assertEquals("\"id\", a * 2 as b", split.returning());
    }

    @Test
    void leavesQuotedAndNestedWordsAlone() {
        assertNull(ReturningClause.split("insert into t values ('returning')").returning());
        assertNull(ReturningClause.split("insert into t select returning_x from u").returning());
        assertNull(ReturningClause.split("insert into \"returning\" values (1)").returning());
        assertEquals("*", ReturningClause.split("insert into t select (select 1) returning *").returning());
    }
}
