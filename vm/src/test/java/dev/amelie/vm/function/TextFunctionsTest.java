package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.amelie.vm.function.Calls.assertError;
import static dev.amelie.vm.function.Calls.call;
import static dev.amelie.vm.function.Calls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Expected texts are what PostgreSQL 15.18 prints for the same calls. */
class TextFunctionsTest {

    @Test
    void concatSkipsNullsAndPrintsValuesWithTheirOutputFunctions() {
        assertEquals("a2.50t", call(Function.CONCAT, "a", null, new BigDecimal("2.50"), true));
        assertEquals("1, x", call(Function.CONCAT_WS, ", ", 1, null, "x"));
        assertNull(call(Function.CONCAT_WS, null, "a"));
        assertEquals("", call(Function.CONCAT, (Object) null));
    }

    @Test
    void substringCountsFromBeforeTheStringAsPostgresDoes() {
        assertEquals("h", call(Function.SUBSTR, "hello", -1, 3));
        assertEquals("hello", call(Function.SUBSTR, "hello", 0));
        assertEquals("", call(Function.SUBSTR, "hello", 10));
        assertEquals("ll", call(Function.SUBSTR, "hello", 3, 2));
        assertError(SqlState.SUBSTRING_ERROR, "negative substring length not allowed", Function.SUBSTR, "hello", 2, -1);
    }

    @Test
    void positionsAndLengthsCountCharactersNotUtf16Units() {
        String smile = "😀";
        assertEquals("b" + smile, call(Function.SUBSTR, "a" + smile + "b" + smile, 3));
        assertEquals(smile + "ba", call(Function.REVERSE, "ab" + smile));
        assertEquals(3, call(Function.STRPOS, "a" + smile + "b", "b"));
        assertEquals(4, call(Function.OCTET_LENGTH, smile));
        assertEquals(32, call(Function.BIT_LENGTH, "é" + "é"));
        assertEquals(0x1F600, call(Function.ASCII, smile + "x"));
        assertEquals(smile, call(Function.CHR, 0x1F600));
        assertEquals("x" + smile, call(Function.LPAD, smile, 2, "x"));
    }

    @Test
    void overlaySplitPartLeftRightPad() {
        assertEquals("Thomas", call(Function.OVERLAY, "Txxxxas", "hom", 2, 4));
        assertEquals("hxhello", call(Function.OVERLAY, "hello", "x", 2, -1));
        assertError(SqlState.SUBSTRING_ERROR, "negative substring length not allowed", Function.OVERLAY, "hello", "x", 0, 1);
        assertEquals("c", call(Function.SPLIT_PART, "a,b,c", ",", -1));
        assertEquals("", call(Function.SPLIT_PART, "abc", "", 2));
        assertEquals("abc", call(Function.SPLIT_PART, "abc", "", -1));
        assertEquals("", call(Function.SPLIT_PART, "a,b", ",", 3));
        assertError(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero", Function.SPLIT_PART, "a,b", ",", 0);
        assertEquals("hel", call(Function.LEFT, "hello", -2));
        assertEquals("llo", call(Function.RIGHT, "hello", -2));
        assertEquals("hel", call(Function.LPAD, "hello", 3));
        assertEquals("xyxhi", call(Function.LPAD, "hi", 5, "xy"));
        assertEquals("hi", call(Function.RPAD, "hi", 5, ""));
        assertEquals("hi   ", call(Function.RPAD, "hi", 5));
    }

    @Test
    void trimTranslateReplaceRepeat() {
        assertEquals("a", call(Function.BTRIM, "xyxaxyx", "xy"));
        assertEquals("axy", call(Function.LTRIM, "xyaxy", "yx"));
        assertEquals("  a", call(Function.RTRIM, "  a  "));
        assertEquals("a2x5", call(Function.TRANSLATE, "12345", "143", "ax"));
        assertEquals("aXYcaXYc", call(Function.REPLACE, "abcabc", "b", "XY"));
        assertEquals("abc", call(Function.REPLACE, "abc", "", "x"));
        assertEquals("ababab", call(Function.REPEAT, "ab", 3));
        assertEquals("", call(Function.REPEAT, "ab", -1));
        assertError(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large", Function.REPEAT, "x", Integer.MAX_VALUE);
    }

    @Test
    void smallerFunctions() {
        assertEquals("Hi There Mr. O'Neil 3rd-Party", call(Function.INITCAP, "hi THERE mr. o'neil 3rd-party"));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", call(Function.MD5, "abc"));
        assertEquals(1, call(Function.STRPOS, "hello", ""));
        assertEquals(0, call(Function.ASCII, ""));
        assertEquals("t", text(Function.STARTS_WITH, "hello", "he"));
    }

    @Test
    void chrRejectsWhatPostgresRejects() {
        assertError(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted", Function.CHR, 0);
        assertError(SqlState.INVALID_PARAMETER_VALUE, "character number must be positive", Function.CHR, -1);
        assertError(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: 1114112", Function.CHR, 0x110000);
        assertError(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character not valid for encoding: 55296", Function.CHR, 0xD800);
    }

    @Test
    void greatestAndLeastIgnoreNulls() {
        assertEquals(5, call(Function.GREATEST, 3, null, 5));
        assertEquals("a", call(Function.LEAST, "b", null, "a"));
        assertNull(call(Function.GREATEST, null, null));
    }
}
