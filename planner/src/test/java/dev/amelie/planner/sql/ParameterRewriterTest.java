package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParameterRewriterTest {
    private static final SqlType[] NONE = {};

    /** Calcite numbers '?' by occurrence; the mapping remembers which $n each one is. */
    @Test
    void laterNumberFirstMapsEachOccurrenceToItsParameter() {
        ParameterRewriter.Rewritten r = ParameterRewriter.rewrite("select $2, $1, $2", NONE);
        assertEquals("select ?, ?, ?", r.text());
        assertArrayEquals(new int[] {1, 0, 1}, r.occurrenceToParameter());
        assertEquals(2, r.parameterCount());
    }

    @Test
    void dollarNumbersInsideStringsIdentifiersAndCommentsAreUntouched() {
        String sql = "select '$1', E'\\'$1', $$ $1 $$, $q$ $2 $q$, \"$1\", $1 -- $3\n/* $4 */";
        ParameterRewriter.Rewritten r = ParameterRewriter.rewrite(sql, NONE);
        assertEquals("select '$1', E'\\'$1', $$ $1 $$, $q$ $2 $q$, \"$1\", ? -- $3\n/* $4 */", r.text());
        assertArrayEquals(new int[] {0}, r.occurrenceToParameter());
        assertEquals(1, r.parameterCount());
    }

    @Test
    void dollarAfterAnIdentifierCharacterIsPartOfTheName() {
        ParameterRewriter.Rewritten r = ParameterRewriter.rewrite("select a$1 from t", NONE);
        assertEquals("select a$1 from t", r.text());
        assertEquals(0, r.parameterCount());
    }

    @Test
    void declaredTypesBecomeCastsAndUnknownStaysBare() {
        ParameterRewriter.Rewritten r = ParameterRewriter.rewrite("select $1, $2, $3",
                new SqlType[] {SqlType.BIGINT, SqlType.UNKNOWN, SqlType.TEXT});
        assertEquals("select CAST(? AS BIGINT), ?, CAST(? AS VARCHAR)", r.text());
    }

    /** Calcite's LIMIT, OFFSET and FETCH accept a bare '?' only; the declared type is not written there. */
    @Test
    void rowCountParametersStayBareEvenWhenDeclared() {
        ParameterRewriter.Rewritten r = ParameterRewriter.rewrite(
                "select $1 from t offset $2 rows fetch first $3 rows only limit\n$4",
                new SqlType[] {SqlType.INTEGER, SqlType.INTEGER, SqlType.INTEGER, SqlType.BIGINT});
        assertEquals("select CAST(? AS INTEGER) from t offset ? rows fetch first ? rows only limit\n?", r.text());
        assertEquals(java.util.Set.of(1, 2, 3), r.rowCountOccurrences());
    }

    /** A client may declare more parameters than the text uses; they still count. */
    @Test
    void declaredButUnusedParametersCount() {
        assertEquals(3, ParameterRewriter.rewrite("select $1", new SqlType[] {null, null, SqlType.INTEGER}).parameterCount());
    }

    /** PostgreSQL: {@code select $0} → 42P02 there is no parameter $0. */
    @Test
    void parameterZeroRaises42P02() {
        SqlException e = assertThrows(SqlException.class, () -> ParameterRewriter.rewrite("select $0", NONE));
        assertEquals(SqlState.UNDEFINED_PARAMETER, e.state());
        assertEquals("there is no parameter $0", e.getMessage());
        assertEquals(8, e.position());
    }

    /** '?' is not a parameter marker in PostgreSQL ({@code select ?} is a 42601 there too). */
    @Test
    void questionMarkRaises42601() {
        SqlException e = assertThrows(SqlException.class, () -> ParameterRewriter.rewrite("select ?", NONE));
        assertEquals(SqlState.SYNTAX_ERROR, e.state());
    }
}
