package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

/**
 * float.c's check_float8_val: an infinite result from finite arguments is an overflow, a zero
 * result from arguments that cannot give zero an underflow, both 22003.
 */
final class FloatChecks {
    private FloatChecks() {}

    static double checked(double result, boolean infinityValid, boolean zeroValid) {
        if (Double.isInfinite(result) && !infinityValid) {
            throw overflow();
        }
        if (result == 0.0 && !zeroValid) {
            throw underflow();
        }
        return result;
    }

    static SqlException overflow() {
        return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }

    static SqlException underflow() {
        return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
    }
}
