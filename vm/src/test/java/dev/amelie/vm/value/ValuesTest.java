package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneOffset;
import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected results and messages are PostgreSQL 15's for the SQL quoted at each test. */
class ValuesTest {

    @Test
    void numbersOfDifferentClassesCompareByValue() {
        assertEquals(0, Values.compare(5, 5L));
        assertEquals(0, Values.compare((short) 5, 5L));
        assertEquals(0, Values.compare(5, 5.0));
        assertEquals(0, Values.compare(new BigDecimal("5.00"), 5));
        assertEquals(0, Values.compare(5L, new BigDecimal("5")));
        assertEquals(0, Values.compare(new BigDecimal("0.1"), 0.1));
        assertTrue(Values.compare(1, 1.5) < 0);
        assertTrue(Values.compare(1.5, new BigDecimal("2")) < 0);
        assertTrue(Values.compare(new BigDecimal("2"), 3L) < 0);
        assertTrue(Values.compare(3L, 2) > 0);
        // Beyond 2^53 a long must not be compared through double.
        assertTrue(Values.compare(Long.MAX_VALUE, Long.MAX_VALUE - 1) > 0);
        assertTrue(Values.compare(new BigDecimal("9007199254740993"), 9007199254740992L) > 0);
    }

    /** PostgreSQL: {@code select 'NaN'::float8 > 'Infinity'::float8} is true: NaN sorts above every number. */
    @Test
    void nanIsGreaterThanEveryNumber() {
        assertTrue(Values.compare(Double.NaN, Double.POSITIVE_INFINITY) > 0);
        assertTrue(Values.compare(Double.NaN, BigDecimal.ONE) > 0);
        assertTrue(Values.compare(Double.NaN, Long.MAX_VALUE) > 0);
        assertEquals(0, Values.compare(Double.NaN, Double.NaN));
    }

    @Test
    void textAndBooleansCompare() {
        assertTrue(Values.compare("apple", "banana") < 0);
        assertTrue(Values.compare(false, true) < 0);
        SqlException e = assertThrows(SqlException.class, () -> Values.compare("1", 1));
        assertEquals(SqlState.DATATYPE_MISMATCH, e.state());
    }

    /** PostgreSQL: {@code select '-0'::float8 = '0'::float8} is true. */
    @Test
    void negativeZeroEqualsZero() {
        assertEquals(0, Values.compare(-0.0, 0.0));
    }

    // ---- casts between numeric types --------------------------------------------------------

    /** PostgreSQL: float8 → int rounds half to even (rint), numeric → int rounds half away from zero. */
    @ParameterizedTest
    @CsvSource({"2.5, 2, 3", "3.5, 4, 4", "-2.5, -2, -3", "0.4, 0, 0"})
    void castToIntegerRoundsAsPostgres(String value, int fromDouble, int fromNumeric) {
        assertEquals(fromDouble, Values.cast(Double.parseDouble(value), SqlType.INTEGER, ZoneOffset.UTC));
        assertEquals(fromNumeric, Values.cast(new BigDecimal(value), SqlType.INTEGER, ZoneOffset.UTC));
    }

    /** PostgreSQL: {@code select 3e9::float8::int} → 22003 integer out of range; same for NaN. */
    @Test
    void castOutOfTheTargetRangeRaises22003() {
        for (Object value : new Object[] {3e9, Double.NaN, 3_000_000_000L, new BigDecimal("1e30")}) {
            SqlException e = assertThrows(SqlException.class, () -> Values.cast(value, SqlType.INTEGER, ZoneOffset.UTC), value.toString());
            assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.state());
            assertEquals("integer out of range", e.getMessage());
        }
        assertEquals("smallint out of range",
                assertThrows(SqlException.class, () -> Values.cast(40000, SqlType.SMALLINT, ZoneOffset.UTC)).getMessage());
    }

    @Test
    void castToTextPrintsAsPostgres() {
        assertEquals("true", Values.cast(true, SqlType.TEXT, ZoneOffset.UTC));
        assertEquals("1.50", Values.cast(new BigDecimal("1.50"), SqlType.TEXT, ZoneOffset.UTC));
        assertEquals("1e+20", Values.cast(1e20, SqlType.TEXT, ZoneOffset.UTC));
        assertEquals("-7", Values.cast(-7L, SqlType.TEXT, ZoneOffset.UTC));
    }

    /** The text route reaches TextInput with PostgreSQL's wording. */
    @Test
    void castFromTextUsesTheTypeInputFunctions() {
        assertEquals(42, Values.cast(" 42 ", SqlType.INTEGER, ZoneOffset.UTC));
        assertEquals(true, Values.cast("yes", SqlType.BOOLEAN, ZoneOffset.UTC));
        assertEquals(1.5, Values.cast("1.5", SqlType.DOUBLE, ZoneOffset.UTC));
        assertEquals(new BigDecimal("1.50"), Values.cast(" 1.50 ", SqlType.NUMERIC, ZoneOffset.UTC));
        SqlException e = assertThrows(SqlException.class, () -> Values.cast("99999999999", SqlType.INTEGER, ZoneOffset.UTC));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.state());
        assertEquals("value \"99999999999\" is out of range for type integer", e.getMessage());
    }

    /** PostgreSQL 15: {@code select (0.1::float8 + 0.2::float8)::numeric} is 0.3 (float8_numeric keeps DBL_DIG = 15 digits). */
    @Test
    void doubleToNumericKeepsFifteenDigits() {
        assertEquals(0, new BigDecimal("0.3").compareTo((BigDecimal) Values.cast(0.1 + 0.2, SqlType.NUMERIC, ZoneOffset.UTC)));
    }

    // ---- arithmetic -------------------------------------------------------------------------

    /** PostgreSQL: {@code select -(-32768)::smallint} → 22003 smallint out of range. */
    @Test
    void negatingSmallintMinimumRaises22003() {
        SqlException e = assertThrows(SqlException.class, () -> Values.negate((short) -32768));
        assertEquals("smallint out of range", e.getMessage());
    }

    @Test
    void negatingIntegerAndBigintMinimumRaises22003() {
        assertEquals("integer out of range",
                assertThrows(SqlException.class, () -> Values.negate(Integer.MIN_VALUE)).getMessage());
        assertEquals("bigint out of range",
                assertThrows(SqlException.class, () -> Values.negate(Long.MIN_VALUE)).getMessage());
        assertEquals(-5, Values.negate(5));
    }

    /** PostgreSQL: {@code select 7::numeric/2} is 3.5000000000000000 (select_div_scale keeps 16 significant digits). */
    @Test
    void numericDivisionKeepsSixteenSignificantDigits() {
        assertEquals(new BigDecimal("3.5000000000000000"), Values.arithmetic('/', new BigDecimal("7"), 2, SqlType.NUMERIC, ZoneOffset.UTC));
    }

    /**
     * PostgreSQL: {@code select 1::numeric/3, 2::numeric/3, 10::numeric/4, 100::numeric/7, 90::numeric/3,
     * 100000::numeric/3, 0.00012/5, 1234567.89/0.003, -7.5/2}.
     */
    @ParameterizedTest
    @CsvSource({"1, 3, 0.33333333333333333333", "2, 3, 0.66666666666666666667", "10, 4, 2.5000000000000000",
            "100, 7, 14.2857142857142857", "90, 3, 30.0000000000000000", "100000, 3, 33333.333333333333",
            "0.00012, 5, 0.000024000000000000000000", "1234567.89, 0.003, 411522630.00000000", "-7.5, 2, -3.7500000000000000"})
    void numericDivisionScaleMatchesPostgres(String x, String y, String expected) {
        assertEquals(new BigDecimal(expected), Values.arithmetic('/', new BigDecimal(x), new BigDecimal(y), SqlType.NUMERIC, ZoneOffset.UTC));
    }

    /** boolout writes t and f (an error detail's row), a cast to text writes true and false. */
    @Test
    void outputTextOfABooleanIsTOrFWhileItsCastTextIsTrueOrFalse() {
        assertEquals("t", Values.toOutputText(true));
        assertEquals("f", Values.toOutputText(false));
        assertEquals("true", Values.toText(true));
        assertEquals("42", Values.toOutputText(42));
    }
}
