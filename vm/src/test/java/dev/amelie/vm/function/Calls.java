package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.value.Values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Calls a function as the interpreter does (arguments in registers) and shows results as PostgreSQL prints them. */
final class Calls {
    private Calls() {}

    static Object call(Function function, Object... arguments) {
        return callIn(java.time.ZoneOffset.UTC, function, arguments);
    }

    /** As the interpreter calls it in a session whose TimeZone is {@code zone}. */
    static Object callIn(java.time.ZoneId zone, Function function, Object... arguments) {
        Object[] registers = new Object[arguments.length + 2];
        System.arraycopy(arguments, 0, registers, 1, arguments.length); // not at 0: first is honoured
        return ScalarFunctions.call(function, registers, 1, arguments.length, zone);
    }

    /** The result as psql shows it (float8 shortest, numeric with its scale, t/f). */
    static String text(Function function, Object... arguments) {
        Object result = call(function, arguments);
        return result == null ? null : result instanceof Boolean b ? (b ? "t" : "f") : Values.toText(result, java.time.ZoneOffset.UTC);
    }

    static void assertError(SqlState state, String message, Function function, Object... arguments) {
        SqlException e = assertThrows(SqlException.class, () -> call(function, arguments));
        assertEquals(state, e.state());
        assertEquals(message, e.getMessage());
    }
}
