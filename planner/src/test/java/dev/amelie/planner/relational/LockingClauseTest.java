package dev.amelie.planner.relational;

import dev.amelie.planner.sql.Token;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LockingClauseTest {
    /** Blanked, not removed: positions of everything after the clause stay what the client sent. */
    @Test
    void clauseIsBlankedKeepingPositions() {
        String sql = "select a from t x for no key update of x nowait limit 1";
        LockingClause.Stripped stripped = LockingClause.strip(sql);
        assertEquals("select a from t x " + " ".repeat("for no key update of x nowait".length()) + " limit 1", stripped.text());
        assertEquals(sql.length(), stripped.text().length());
        assertEquals("FOR NO KEY UPDATE", stripped.strength());
        assertEquals("x", stripped.ofNames().get(0).text());
    }

    @Test
    void quotedOfNamesAndSkipLockedAreBlankedToo() {
        LockingClause.Stripped stripped = LockingClause.strip("select 1 from \"T\" for key share of \"T\" skip locked");
        assertEquals("select 1 from \"T\"", stripped.text().stripTrailing());
        assertEquals("FOR KEY SHARE", stripped.strength());
        assertEquals(Token.Kind.QUOTED_IDENTIFIER, stripped.ofNames().get(0).kind());
    }

    /** A subquery's clause goes too, but only the statement's own one is checked. */
    @Test
    void subqueryClauseIsBlankedButNotTheStatementsOwn() {
        LockingClause.Stripped stripped = LockingClause.strip("select * from (select a from t for update) s");
        assertEquals("select * from (select a from t           ) s", stripped.text());
        assertNull(stripped.strength());
    }

    /** FOR in other places (substring's FOR, a DML statement) is left for the parser. */
    @Test
    void otherForsAreLeftAlone() {
        String substring = "select substring(a from 1 for 2) from t";
        assertEquals(substring, LockingClause.strip(substring).text());
        String update = "update t set a = 1 for update";
        assertEquals(update, LockingClause.strip(update).text());
    }
}
