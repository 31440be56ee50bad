package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import org.junit.jupiter.api.Test;

import static dev.amelie.vm.function.Calls.assertError;
import static dev.amelie.vm.function.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Expected results are what PostgreSQL 15.18 gives for the same calls. */
class RegexFunctionsTest {

    @Test
    void replaceTheFirstMatchOrAllWithG() {
        assertEquals("fooXbaz", call(Function.REGEXP_REPLACE, "foobarbaz", "b..", "X"));
        assertEquals("fooXX", call(Function.REGEXP_REPLACE, "foobarbaz", "b..", "X", "g"));
        assertEquals("fooXarYXazY", call(Function.REGEXP_REPLACE, "foobarbaz", "b(..)", "X\\1Y", "g"));
        assertEquals("-a-b-c-", call(Function.REGEXP_REPLACE, "abc", "x*", "-", "g"));
        assertEquals("HXLLX wXrld", call(Function.REGEXP_REPLACE, "HELLO world", "a|e|i|o|u", "X", "ig"));
    }

    @Test
    void replacementEscapesAsPostgres() {
        assertEquals("ax\\yzc", call(Function.REGEXP_REPLACE, "abc", "b", "x\\yz"));
        assertEquals("ac", call(Function.REGEXP_REPLACE, "abc", "b", "\\3"));
        assertEquals("aabac", call(Function.REGEXP_REPLACE, "abc", "b", "a\\&a"));
        assertEquals("a\\c", call(Function.REGEXP_REPLACE, "abc", "b", "\\\\"));
    }

    @Test
    void replaceFromAStartAndTheNthMatch() {
        assertEquals("abcaXc", call(Function.REGEXP_REPLACE, "abcabc", "b", "X", 1, 2));
        assertEquals("aXcaXc", call(Function.REGEXP_REPLACE, "abcabc", "b", "X", 1, 0));
        assertEquals("abcaXc", call(Function.REGEXP_REPLACE, "abcabc", "b", "X", 3));
        assertEquals("abcaXc", call(Function.REGEXP_REPLACE, "abcabc", "b", "X", 3, 1, "g"));
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"start\": 0",
                Function.REGEXP_REPLACE, "abcabc", "b", "X", 0);
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"n\": -1",
                Function.REGEXP_REPLACE, "abcabc", "b", "X", 1, -1);
    }

    @Test
    void newlinesAreOrdinaryUnlessNewlineSensitive() {
        assertEquals("XXX", call(Function.REGEXP_REPLACE, "a\nb", ".", "X", "g"));
        assertEquals("X\nX", call(Function.REGEXP_REPLACE, "a\nb", ".", "X", "gn"));
        assertEquals("a\nb", call(Function.REGEXP_REPLACE, "a\nb", "^b", "X"));
        assertEquals("a\nX", call(Function.REGEXP_REPLACE, "a\nb", "^b", "X", "n"));
        assertEquals("a\n", call(Function.REGEXP_REPLACE, "a\n", "a$", "X")); // $ is the very end
        assertEquals("a\nX", call(Function.REGEXP_REPLACE, "a\n", "$", "X", "g"));
    }

    @Test
    void postgresSyntaxTranslated() {
        assertEquals("foo Xar", call(Function.REGEXP_REPLACE, "foo bar", "\\mb", "X"));
        assertEquals("aXb", call(Function.REGEXP_REPLACE, "a]b", "[]]", "X"));
        assertEquals("aXb", call(Function.REGEXP_REPLACE, "a[b", "[[]", "X"));
        assertEquals("a#b#", call(Function.REGEXP_REPLACE, "a1b22", "[[:digit:]]+", "#", "g"));
        assertEquals(true, call(Function.REGEXP_LIKE, "abc", "(?i)B"));
        assertEquals(false, call(Function.REGEXP_LIKE, "abc", "a.c", "q"));
    }

    @Test
    void countLikeInstrSubstr() {
        assertEquals(3, call(Function.REGEXP_COUNT, "ABCABCAXYaxy", "A."));
        assertEquals(4, call(Function.REGEXP_COUNT, "ABCABCAXYaxy", "A.", 1, "i"));
        assertEquals(0, call(Function.REGEXP_COUNT, "abcabc", "^a", 2)); // ^ does not match at the start position
        assertEquals(true, call(Function.REGEXP_LIKE, "Hello", "ELL", "i"));
        assertEquals(false, call(Function.REGEXP_LIKE, "Hello", "ELL"));
        assertEquals(5, call(Function.REGEXP_INSTR, "abcabc", "b", 1, 2));
        assertEquals(6, call(Function.REGEXP_INSTR, "abcabc", "b", 1, 2, 1));
        assertEquals(3, call(Function.REGEXP_INSTR, "abcabc", "(b)(c)", 1, 1, 0, "", 2));
        assertEquals(0, call(Function.REGEXP_INSTR, "abc", "z"));
        assertEquals(3, call(Function.REGEXP_INSTR, "😀ab", "b"));
        assertEquals("c", call(Function.REGEXP_SUBSTR, "abcabc", "(b)(c)", 1, 2, "", 2));
        assertNull(call(Function.REGEXP_SUBSTR, "abc", "z"));
    }

    @Test
    void errorsAsPostgres() {
        assertError(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: parentheses () not balanced",
                Function.REGEXP_REPLACE, "abc", "(", "x");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid regular expression option: \"z\"",
                Function.REGEXP_REPLACE, "abc", "b", "x", "z");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "regexp_count() does not support the \"global\" option",
                Function.REGEXP_COUNT, "abc", "b", 1, "g");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "regexp_like() does not support the \"global\" option",
                Function.REGEXP_LIKE, "abc", "b", "g");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"endoption\": -1",
                Function.REGEXP_INSTR, "abc", "b", 1, 1, -1);
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"subexpr\": -1",
                Function.REGEXP_SUBSTR, "abc", "b", 1, 1, "", -1);
    }
}
