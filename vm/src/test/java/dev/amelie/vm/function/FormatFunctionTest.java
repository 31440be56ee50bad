package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import org.junit.jupiter.api.Test;

import static dev.amelie.vm.function.Calls.assertError;
import static dev.amelie.vm.function.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Expected texts are what PostgreSQL 15.18 prints for the same calls. */
class FormatFunctionTest {

    @Test
    void specifiersTakeTheNextArgumentOrTheOneTheyNumber() {
        assertEquals("Testing one, two, three, %", call(Function.FORMAT, "Testing %s, %s, %s, %%", "one", "two", "three"));
        assertEquals("a a b", call(Function.FORMAT, "%1$s %1$s %s", "a", "b"));
        assertEquals("INSERT INTO \"Foo bar\" VALUES('O''Reilly', NULL)",
                call(Function.FORMAT, "INSERT INTO %I VALUES(%L, %L)", "Foo bar", "O'Reilly", null));
        assertNull(call(Function.FORMAT, null, "a"));
    }

    @Test
    void widthsPadOnTheLeftOrWithMinusOnTheRight() {
        assertEquals("|     right|left      |toolong|", call(Function.FORMAT, "|%10s|%-10s|%3s|", "right", "left", "toolong"));
        assertEquals("|x   |", call(Function.FORMAT, "|%*s|", -4, "x"));
    }

    @Test
    void errorsAreTextFormats() {
        assertError(SqlState.INVALID_PARAMETER_VALUE, "too few arguments for format()", Function.FORMAT, "%s %s", "a");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "unterminated format() type specifier", Function.FORMAT, "x %");
        assertError(SqlState.NULL_VALUE_NOT_ALLOWED, "null values cannot be formatted as an SQL identifier", Function.FORMAT, "%I", null);
    }
}
