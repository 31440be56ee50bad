package dev.amelie.planner.function;

import dev.amelie.vm.program.Function;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.amelie.vm.type.SqlType.BIGINT;
import static dev.amelie.vm.type.SqlType.DOUBLE;
import static dev.amelie.vm.type.SqlType.INTEGER;
import static dev.amelie.vm.type.SqlType.NUMERIC;
import static dev.amelie.vm.type.SqlType.SMALLINT;
import static dev.amelie.vm.type.SqlType.TEXT;
import static dev.amelie.vm.type.SqlType.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The signatures PostgreSQL 15 picks (pg_typeof of the call shows the result type). */
class OverloadResolutionTest {
    private static final List<Signature> SQRT = List.of(Signature.of(Function.SQRT, DOUBLE, DOUBLE), Signature.of(Function.SQRT, NUMERIC, NUMERIC));
    private static final List<Signature> POWER = List.of(Signature.of(Function.POWER, DOUBLE, DOUBLE, DOUBLE),
            Signature.of(Function.POWER, NUMERIC, NUMERIC, NUMERIC));
    private static final List<Signature> GCD = List.of(Signature.of(Function.GCD, INTEGER, INTEGER, INTEGER),
            Signature.of(Function.GCD, BIGINT, BIGINT, BIGINT), Signature.of(Function.GCD, NUMERIC, NUMERIC, NUMERIC));
    private static final List<Signature> REGEXP_REPLACE = List.of(Signature.of(Function.REGEXP_REPLACE, TEXT, TEXT, TEXT, TEXT, TEXT),
            Signature.of(Function.REGEXP_REPLACE, TEXT, TEXT, TEXT, TEXT, INTEGER));

    private static SqlType result(List<Signature> signatures, SqlType... arguments) {
        Signature signature = OverloadResolution.resolve(signatures, arguments);
        return signature == null ? null : signature.result();
    }

    @Test
    void integersPreferDoublePrecisionAndNumericsStayNumeric() {
        assertEquals(DOUBLE, result(SQRT, INTEGER));   // sqrt(2): the preferred type of the category
        assertEquals(NUMERIC, result(SQRT, NUMERIC));  // sqrt(2.0): an exact match
        assertEquals(DOUBLE, result(SQRT, DOUBLE));
        assertEquals(DOUBLE, result(SQRT, UNKNOWN));   // sqrt('4')
    }

    @Test
    void mostExactMatchesWin() {
        assertEquals(NUMERIC, result(POWER, INTEGER, NUMERIC)); // power(2, 3.5) is numeric
        assertEquals(DOUBLE, result(POWER, INTEGER, INTEGER));
        assertEquals(DOUBLE, result(POWER, NUMERIC, DOUBLE));   // double precision does not become numeric implicitly
        assertEquals(INTEGER, result(GCD, SMALLINT, INTEGER));
        assertEquals(BIGINT, result(GCD, INTEGER, BIGINT));
    }

    @Test
    void untypedLiteralsPreferTheStringCategory() {
        assertEquals(TEXT, result(REGEXP_REPLACE, TEXT, UNKNOWN, UNKNOWN, UNKNOWN));
        assertEquals(Function.REGEXP_REPLACE, OverloadResolution.resolve(REGEXP_REPLACE,
                new SqlType[] {TEXT, UNKNOWN, UNKNOWN, INTEGER}).function());
        assertEquals(INTEGER, OverloadResolution.resolve(REGEXP_REPLACE, new SqlType[] {TEXT, UNKNOWN, UNKNOWN, INTEGER}).parameter(3));
    }

    @Test
    void noImplicitConversionNoSignature() {
        assertNull(result(SQRT, TEXT));
        assertNull(result(GCD, DOUBLE, INTEGER));
        assertNull(result(SQRT, INTEGER, INTEGER));
    }

    @Test
    void commonTypeOfGreatestAndLeast() {
        assertEquals(NUMERIC, OverloadResolution.commonType(new SqlType[] {INTEGER, NUMERIC, UNKNOWN}));
        assertEquals(DOUBLE, OverloadResolution.commonType(new SqlType[] {NUMERIC, DOUBLE}));
        assertEquals(TEXT, OverloadResolution.commonType(new SqlType[] {UNKNOWN, UNKNOWN}));
        assertNull(OverloadResolution.commonType(new SqlType[] {INTEGER, TEXT}));
    }
}
