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
class MathFunctionsTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void doublePrecisionFunctionsAsFloatCComputesThem() {
        assertEquals("2.718281828459045", text(Function.EXP, 1.0));
        assertEquals("5e-324", text(Function.EXP, -745.0));
        assertEquals("0.6931471805599453", text(Function.LN, 2.0));
        assertEquals("3", text(Function.LOG10, 1000.0));
        assertEquals("1.4142135623730951", text(Function.POWER, 2.0, 0.5));
        assertEquals("-512", text(Function.POWER, -8.0, 3.0));
        assertEquals("-3.0000000000000004", text(Function.CBRT, -27.0)); // glibc's cbrt, as PostgreSQL prints it
        assertEquals("1.4142135623730951", text(Function.SQRT, 2.0));
        assertEquals("-1", text(Function.SIGN, -2.0));
    }

    @Test
    void doubleRoundingIsToEvenAndKeepsTheSignOfZero() {
        assertEquals("2", text(Function.ROUND, 2.5));
        assertEquals("-0", text(Function.ROUND, -0.5));
        assertEquals("-0", text(Function.TRUNC, -0.5));
        assertEquals("-0", text(Function.CEIL, -0.5));
        assertEquals("-3", text(Function.FLOOR, -2.9));
    }

    @Test
    void powerFollowsPosixForNanAndInfinity() {
        assertEquals("1", text(Function.POWER, Double.NaN, 0.0));
        assertEquals("1", text(Function.POWER, 1.0, Double.NaN));
        assertEquals("NaN", text(Function.POWER, 2.0, Double.NaN));
        assertEquals("Infinity", text(Function.POWER, 0.5, Double.NEGATIVE_INFINITY));
        assertEquals("-Infinity", text(Function.POWER, Double.NEGATIVE_INFINITY, 3.0));
        assertEquals("-0", text(Function.POWER, Double.NEGATIVE_INFINITY, -3.0));
    }

    @Test
    void doubleErrorsCarryPostgresStates() {
        assertError(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number", Function.SQRT, -1.0);
        assertError(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero", Function.LN, 0.0);
        assertError(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number", Function.LOG10, -5.0);
        assertError(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined",
                Function.POWER, 0.0, -1.0);
        assertError(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                "a negative number raised to a non-integer power yields a complex result", Function.POWER, -8.0, 1.0 / 3);
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow", Function.EXP, 1000.0);
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow", Function.EXP, -1000.0);
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow", Function.POWER, 10.0, -400.0);
        assertEquals("0", text(Function.EXP, Double.NEGATIVE_INFINITY));
    }

    @Test
    void numericRoundingIsHalfAwayFromZeroWithTheScaleAsked() {
        assertEquals("3", text(Function.ROUND, n("2.5")));
        assertEquals("-3", text(Function.ROUND, n("-2.5")));
        assertEquals("1234.57", text(Function.ROUND, n("1234.5678"), 2));
        assertEquals("1200", text(Function.ROUND, n("1234.5678"), -2));
        assertEquals("1.500", text(Function.ROUND, n("1.5"), 3));
        assertEquals("-2", text(Function.TRUNC, n("-2.9")));
        assertEquals("1200", text(Function.TRUNC, n("1234.5678"), -2));
        assertEquals("0", text(Function.CEIL, n("-0.5")));
        assertEquals("-3", text(Function.FLOOR, n("-2.9")));
        assertEquals("-1", text(Function.SIGN, n("-2.50")));
    }

    @Test
    void divTruncatesAndGcdLcmKeepTheLargerScale() {
        assertEquals("4", text(Function.DIV, n("9.5"), n("2")));
        assertEquals("-2", text(Function.DIV, n("-9"), n("4")));
        assertEquals(6, call(Function.GCD, 12, 18));
        assertEquals(6, call(Function.GCD, -12, 18));
        assertEquals(3000000000L, call(Function.GCD, 9000000000L, 6000000000L));
        assertEquals("0.25", text(Function.GCD, n("1.5"), n("0.25")));
        assertEquals(12, call(Function.LCM, -4, 6));
        assertEquals("1.50", text(Function.LCM, n("1.5"), n("0.25")));
        assertEquals(0, call(Function.LCM, 0, 5));
        assertEquals("2432902008176640000", text(Function.FACTORIAL, 20L));
    }

    @Test
    void integerResultsOutOfRangeAndBadArgumentsAreErrors() {
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", Function.GCD, Integer.MIN_VALUE, 0);
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", Function.LCM, Integer.MAX_VALUE, Integer.MAX_VALUE - 1);
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range", Function.GCD, Long.MIN_VALUE, 0L);
        assertError(SqlState.DIVISION_BY_ZERO, "division by zero", Function.DIV, n("1"), n("0"));
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "factorial of a negative number is undefined", Function.FACTORIAL, -1L);
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format", Function.FACTORIAL, 40000L);
    }

    @Test
    void numericTranscendentalFunctionsHavePostgresScales() {
        assertEquals("1.414213562373095", text(Function.SQRT, n("2.0")));
        assertEquals("0.000000000000000", text(Function.SQRT, n("0.0")));
        assertEquals("10.000000000000000", text(Function.SQRT, n("100.00")));
        assertEquals("2.7182818284590452", text(Function.EXP, n("1.0")));
        assertEquals("1.0000000000000000", text(Function.EXP, n("0.0")));
        assertEquals("5184705528587072464087.5", text(Function.EXP, n("50.0")));
        assertEquals("0.00002753644934974716", text(Function.EXP, n("-10.5")));
        assertEquals("0.6931471805599453", text(Function.LN, n("2.0")));
        assertEquals("-0.6931471805599453", text(Function.LN, n("0.5")));
        assertEquals("0.0000000009999999995000000", text(Function.LN, n("1.000000001")));
        assertEquals("0.048790164169432003", text(Function.LN, n("1.05")));
        assertEquals("2.0000000000000000", text(Function.LOG10, n("100.0")));
        assertEquals("3.0000000000000000", text(Function.LOG, n("2.0"), n("8")));
        assertEquals("1.5517285850726806", text(Function.LOG, n("3.0"), n("5.5")));
    }

    @Test
    void numericPowerHasPostgresScales() {
        assertEquals("8.0000000000000000", text(Function.POWER, n("2.0"), n("3")));
        assertEquals("11.313708498984760", text(Function.POWER, n("2"), n("3.5")));
        assertEquals("0.2500000000000000", text(Function.POWER, n("2.0"), n("-2")));
        assertEquals("-8.0000000000000000", text(Function.POWER, n("-2.0"), n("3")));
        assertEquals("3.0000000000000000", text(Function.POWER, n("9.0"), n("0.5")));
        assertEquals("2.7556759606310754", text(Function.POWER, n("1.5"), n("2.5")));
        assertEquals("1.0000000000000000", text(Function.POWER, n("0.0"), n("0")));
        assertEquals("100000000000000000000.0000000000000000", text(Function.POWER, n("10.0"), n("20")));
    }

    /** sqrt(1 + 1e-18) = 1.0000000000000000004999…: a root computed to too few digits rounds it up. */
    @Test
    void numericSquareRootRoundsOnceFromTheExactRoot() {
        assertEquals("1.000000000000000000", text(Function.SQRT, n("1.000000000000000001")));
    }

    @Test
    void numericErrorsCarryPostgresStates() {
        assertError(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number", Function.SQRT, n("-2.0"));
        assertError(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero", Function.LN, n("0.0"));
        assertError(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number", Function.LOG, n("-2.0"), n("4"));
        assertError(SqlState.DIVISION_BY_ZERO, "division by zero", Function.LOG, n("1"), n("10"));
        assertError(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined",
                Function.POWER, n("0.0"), n("-1"));
        assertError(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                "a negative number raised to a non-integer power yields a complex result", Function.POWER, n("-8.0"), n("0.5"));
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format", Function.EXP, n("10000.0"));
    }

    @Test
    void nullArgumentGivesNull() {
        assertNull(call(Function.POWER, null, 2.0));
        assertNull(call(Function.ROUND, n("1.5"), null));
    }
}
