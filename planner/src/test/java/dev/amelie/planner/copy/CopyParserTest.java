package dev.amelie.planner.copy;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error messages and codes are PostgreSQL 15's for the same statements. */
class CopyParserTest {

    @Test
    void tableColumnsAndDefaults() {
        CopyStatement copy = CopyParser.parse("COPY public.t (a, \"B\") FROM STDIN");
        assertEquals("public", copy.schema());
        assertEquals("t", copy.table());
        assertEquals(List.of("a", "B"), copy.columns());
        assertTrue(copy.from());
        assertFalse(copy.options().csv());
        assertEquals('\t', copy.options().delimiter());
        assertEquals("\\N", copy.options().nullText());
    }

    @Test
    void newOptionSyntax() {
        CopyOptions options = CopyParser.parse(
                "copy t to stdout with (format csv, header true, delimiter ';', null 'x', quote '''')").options();
        assertTrue(options.csv());
        assertTrue(options.header());
        assertEquals(';', options.delimiter());
        assertEquals("x", options.nullText());
        assertEquals('\'', options.quote());
        assertEquals('\'', options.escape());
    }

    @Test
    void oldOptionSyntaxAsPsqlAndPgbenchSendIt() {
        CopyOptions csv = CopyParser.parse("copy t from stdin with csv header delimiter as ',' null as ''").options();
        assertTrue(csv.csv());
        assertTrue(csv.header());
        assertEquals("", csv.nullText());
        CopyOptions tab = CopyParser.parse("copy t from stdin delimiter E'\\t'").options();
        assertEquals('\t', tab.delimiter());
        assertTrue(CopyParser.parse("copy pgbench_accounts from stdin with (freeze on)").options().freeze());
        assertTrue(CopyParser.parse("copy t from stdin freeze").options().freeze());
    }

    @Test
    void queryToStdout() {
        CopyStatement copy = CopyParser.parse("copy (select a, (b) from t where c in (1, 2)) to stdout with csv");
        assertEquals("select a, (b) from t where c in (1, 2)", copy.query());
        assertNull(copy.table());
        assertFalse(copy.from());
    }

    @Test
    void optionErrorsAreThoseOfPostgres() {
        assertError(SqlState.INVALID_PARAMETER_VALUE, "COPY format \"foo\" not recognized", "copy t from stdin with (format foo)");
        assertError(SqlState.SYNTAX_ERROR, "option \"bogus\" not recognized", "copy t from stdin with (bogus 1)");
        assertError(SqlState.FEATURE_NOT_SUPPORTED, "COPY delimiter must be a single one-byte character",
                "copy t from stdin with (delimiter ';;')");
        assertError(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode", "copy t from stdin with (quote 'x')");
        assertError(SqlState.SYNTAX_ERROR, "conflicting or redundant options", "copy t from stdin with (format csv, format text)");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different",
                "copy t from stdin with (format csv, delimiter '\"')");
        assertError(SqlState.FEATURE_NOT_SUPPORTED, "cannot use \"match\" with HEADER in COPY TO", "copy t to stdout with (header match)");
        assertError(SqlState.FEATURE_NOT_SUPPORTED, "COPY delimiter must not appear in the NULL specification",
                "copy t from stdin with (format csv, null ',')");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter cannot be \"\\\"", "copy t from stdin with (delimiter '\\')");
        assertError(SqlState.SYNTAX_ERROR, "header requires a Boolean value or \"match\"", "copy t from stdin with (header 'foo')");
        assertError(SqlState.SYNTAX_ERROR, "syntax error at or near \"from\"", "copy (select 1) from stdin");
    }

    private static void assertError(SqlState state, String message, String sql) {
        SqlException e = assertThrows(SqlException.class, () -> CopyParser.parse(sql), sql);
        assertEquals(state, e.state(), sql);
        assertEquals(message, e.getMessage(), sql);
    }
}
