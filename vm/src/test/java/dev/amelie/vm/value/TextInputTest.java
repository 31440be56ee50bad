package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Inputs and messages are what PostgreSQL 15.18 answers for {@code select '<text>'::<type>}. */
class TextInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  12  '|INTEGER|12", "' +7'|INTEGER|7", "-2147483648|INTEGER|-2147483648",
            "-9223372036854775808|BIGINT|-9223372036854775808", "-32768|SMALLINT|-32768", "007|INTEGER|7"})
    void integersAcceptWhitespaceAndSign(String text, SqlType type, long expected) {
        Object value = TextInput.parseIntegral(text, type);
        assertEquals(expected, ((Number) value).longValue());
        assertEquals(type.javaClass(), value.getClass());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", " ", "1.5", " 1 2", "+", "12a", "0x10"})
    void malformedIntegerRaises22P02(String text) {
        SqlException e = assertThrows(SqlException.class, () -> TextInput.parseIntegral(text, SqlType.INTEGER));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, e.state());
        assertEquals("invalid input syntax for type integer: \"" + text + "\"", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "99999999999|INTEGER|integer", "2147483648|INTEGER|integer", "32768|SMALLINT|smallint",
            "9223372036854775808|BIGINT|bigint", "-9223372036854775809|BIGINT|bigint",
            "99999999999999999999999|BIGINT|bigint"})
    void integerOutOfRangeRaises22003(String text, SqlType type, String typeName) {
        SqlException e = assertThrows(SqlException.class, () -> TextInput.parseIntegral(text, type));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.state());
        assertEquals("value \"" + text + "\" is out of range for type " + typeName, e.getMessage());
    }

    /** bool.c accepts any case, surrounding spaces, and unambiguous prefixes ("of" is off, "o" is nothing). */
    @ParameterizedTest
    @CsvSource({"' TRUE ', true", "t, true", "yes, true", "y, true", "on, true", "1, true",
            "false, false", "F, false", "no, false", "of, false", "off, false", "0, false"})
    void booleanSpellings(String text, boolean expected) {
        assertEquals(expected, TextInput.parseBoolean(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "o", "", "tru e", "2", "yess"})
    void otherBooleanTextRaises22P02(String text) {
        assertNull(TextInput.tryParseBoolean(text));
        SqlException e = assertThrows(SqlException.class, () -> TextInput.parseBoolean(text));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, e.state());
        assertEquals("invalid input syntax for type boolean: \"" + text + "\"", e.getMessage());
    }

    @Test
    void doublesAcceptSpecialWordsAndWhitespace() {
        assertEquals(Double.NEGATIVE_INFINITY, TextInput.parseDouble(" -Infinity ", false));
        assertEquals(Double.POSITIVE_INFINITY, TextInput.parseDouble("inf", false));
        assertEquals(Double.NaN, TextInput.parseDouble(" nan ", false));
        assertEquals(1.5e-3, TextInput.parseDouble(" 1.5e-3", false));
        assertEquals(0.5, TextInput.parseDouble(".5", false));
        assertEquals(-0.0, TextInput.parseDouble("-0", false));
    }

    @Test
    void doubleSyntaxAndRangeErrorsUsePostgresMessages() {
        SqlException bad = assertThrows(SqlException.class, () -> TextInput.parseDouble("abc", false));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, bad.state());
        assertEquals("invalid input syntax for type double precision: \"abc\"", bad.getMessage());
        for (String text : new String[] {"1e400", "1e-400"}) {
            SqlException range = assertThrows(SqlException.class, () -> TextInput.parseDouble(text, false));
            assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, range.state());
            assertEquals("\"" + text + "\" is out of range for type double precision", range.getMessage());
        }
    }

    /** PostgreSQL: {@code ' 1.50 '::numeric} is 1.50 (scale kept), {@code '1e3'::numeric} is 1000. */
    @Test
    void numericKeepsScaleAndExpandsExponents() {
        BigDecimal value = TextInput.parseNumeric(" 1.50 ");
        assertEquals(new BigDecimal("1.50"), value);
        assertEquals("1000", Values.toText(TextInput.parseNumeric("1e3")));
        SqlException e = assertThrows(SqlException.class, () -> TextInput.parseNumeric("abc"));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, e.state());
        assertEquals("invalid input syntax for type numeric: \"abc\"", e.getMessage());
    }
}
