package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.amelie.vm.function.Calls.assertError;
import static dev.amelie.vm.function.Calls.call;
import static dev.amelie.vm.function.Calls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Expected texts are what PostgreSQL 15.18 prints for the same calls. */
class TrigFunctionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SIND|30|0.5", "SIND|-30|-0.5", "SIND|90|1", "SIND|180|0", "SIND|210|-0.5", "SIND|400|0.6427876096865393",
            "COSD|60|0.5", "COSD|90|0", "COSD|120|-0.5", "COSD|180|-1", "COSD|45|0.7071067811865475",
            "TAND|45|1", "TAND|135|-1", "TAND|90|Infinity", "TAND|180|0", "TAND|270|-Infinity",
            "COTD|45|1", "COTD|0|Infinity", "COTD|90|0", "COTD|270|0",
            "ASIND|0.5|30", "ASIND|-0.5|-30", "ASIND|1|90", "ACOSD|0.5|60", "ACOSD|-0.5|120", "ACOSD|-1|180",
            "ATAND|1|45", "ATAND|-1|-45", "ATAND|Infinity|90"})
    void degreeFunctionsAreExactAtTheSpecialAngles(Function function, double degrees, String expected) {
        assertEquals(expected, text(function, degrees));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SIN|1|0.8414709848078965", "COS|2.5489|-0.8294395810874664", "TAN|1|1.5574077246549023",
            "ASIN|0.3|0.3046926540153975", "ACOS|0.7|0.7953988301841436", "SINH|1|1.1752011936438014",
            "ASINH|2|1.4436354751788103", "ACOSH|3|1.762747174039086", "ATANH|0.3|0.30951960420311175",
            "DEGREES|1|57.29577951308232", "RADIANS|1|0.017453292519943295",
            // where Java's Math and glibc differ in the last bit: the C library's result
            "COS|-143.19|0.24501412508233977", "TAN|-992.8190566605394|-0.07592350763268395",
            "ASIN|0.987|1.4093759766464677"})
    void radianFunctionsMatchTheCLibrary(Function function, double x, String expected) {
        assertEquals(expected, text(function, x));
    }

    @Test
    void atan2AndPiAsPostgresPrintsThem() {
        assertEquals("0.4636476090008061", text(Function.ATAN2, 1.0, 2.0));
        assertEquals("45", text(Function.ATAN2D, 1.0, 1.0));
        assertEquals("180", text(Function.ATAN2D, 0.0, -1.0));
        assertEquals(Math.PI, call(Function.PI));
    }

    @Test
    void nanInGivesNanOut() {
        for (Function function : new Function[] {Function.SIN, Function.ASIN, Function.SIND, Function.COSD, Function.TAND,
                Function.COTD, Function.ASIND, Function.ATAND, Function.ATANH, Function.ACOSH}) {
            assertEquals("NaN", text(function, Double.NaN), function.name());
        }
    }

    @Test
    void infiniteArgumentsOfPeriodicFunctionsAndArgumentsOutsideTheDomainAre22003() {
        for (Function function : new Function[] {Function.SIN, Function.COS, Function.TAN, Function.COT, Function.SIND,
                Function.COSD, Function.TAND, Function.COTD}) {
            assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range", function, Double.NEGATIVE_INFINITY);
        }
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range", Function.ASIN, 1.1);
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range", Function.ACOSD, -1.5);
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range", Function.ACOSH, 0.5);
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range", Function.ATANH, 1.5);
    }

    @Test
    void hyperbolicFunctionsOverflowToInfinityAndAtanhOfOneIsInfinite() {
        assertEquals("Infinity", text(Function.SINH, 1000.0));
        assertEquals("-Infinity", text(Function.SINH, -1000.0));
        assertEquals("Infinity", text(Function.COSH, -1000.0));
        assertEquals("1", text(Function.TANH, Double.POSITIVE_INFINITY));
        assertEquals("Infinity", text(Function.ATANH, 1.0));
        assertEquals("-Infinity", text(Function.ATANH, -1.0));
        assertEquals("Infinity", text(Function.COT, 0.0));
    }

    @Test
    void nullArgumentGivesNull() {
        assertNull(call(Function.SIN, (Object) null));
        assertNull(call(Function.ATAN2, 1.0, null));
    }

    @Test
    void theCLibraryIsReachedOnThisPlatform() {
        // Where it is not, the Java fallback is within an ulp; here (glibc) it must be exact.
        assertEquals(System.getProperty("os.name").startsWith("Linux"), Libm.isNative());
    }
}
