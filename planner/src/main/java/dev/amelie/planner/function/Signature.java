package dev.amelie.planner.function;

import dev.amelie.vm.program.Function;
import dev.amelie.vm.type.SqlType;

import java.util.List;

/**
 * One PostgreSQL signature of a built-in function (a pg_proc row): parameter types, whether the
 * last parameter repeats (VARIADIC), the result type, and the function the VM runs for it.
 * A parameter of type {@link SqlType#UNKNOWN} takes any argument as it is (PostgreSQL's "any").
 * A signature without a function is a function-style cast of its one argument to the result type.
 */
public record Signature(List<SqlType> parameters, boolean variadic, SqlType result, Function function) {
    static Signature of(Function function, SqlType result, SqlType... parameters) {
        return new Signature(List.of(parameters), false, result, function);
    }

    static Signature variadic(Function function, SqlType result, SqlType... parameters) {
        return new Signature(List.of(parameters), true, result, function);
    }

    boolean accepts(int count) {
        return variadic ? count >= parameters.size() : count == parameters.size();
    }

    /** The type of the argument at position i (the last parameter repeats when variadic). */
    public SqlType parameter(int i) {
        return parameters.get(Math.min(i, parameters.size() - 1));
    }
}
