package dev.amelie.vm.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FloatTextTest {

    /** Expected strings are what PostgreSQL 15.18 prints for {@code <input>::float8} (extra_float_digits = 1). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.5|1.5", "0.1|0.1", "100|100", "1e20|1e+20", "1.2345678901234567e-05|1.2345678901234568e-05",
            "Infinity|Infinity", "-Infinity|-Infinity", "NaN|NaN", "1e15|1e+15", "1e16|1e+16",
            "123456789012345678|1.2345678901234568e+17", "1e-4|0.0001", "1e-5|1e-05", "-0.0|-0", "0|0",
            "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308", "0.000123|0.000123",
            "1234567.125|1234567.125", "123456789012345|123456789012345", "1234567890123456|1.234567890123456e+15",
            "0.30000000000000004|0.30000000000000004", "1e100|1e+100", "-1.5e-7|-1.5e-07", "2.5|2.5",
            "0.00015000000000000001|0.00015000000000000001"})
    void textOutputMatchesPostgres(String input, String expected) {
        double value = Double.parseDouble(input);
        assertEquals(expected, FloatText.format(value));
    }

    /**
     * Java's shortest digits for these lie exactly halfway to the neighbouring double (they read
     * back by rounding to even); PostgreSQL's Ryu takes only digits strictly inside the interval.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"6018463279492800512|6.018463279492801e+18", "1e23|9.999999999999999e+22",
            "3.7265815225350256e+16|3.7265815225350256e+16", "9007199254740993|9.007199254740992e+15"})
    void digitsHalfwayToTheNextDoubleAreNotTheShortest(String input, String expected) {
        assertEquals(expected, FloatText.format(Double.parseDouble(input)));
    }

    @Test
    void oneThirdHasSixteenDigits() {
        assertEquals("0.3333333333333333", FloatText.format(1.0 / 3));
    }

    @Test
    void realUsesSixDigitsBeforeTheExponentForm() {
        assertEquals("1.5", FloatText.formatReal(1.5f));
        assertEquals("1e+06", FloatText.formatReal(1e6f));
        assertEquals("123456", FloatText.formatReal(123456f));
    }
}
