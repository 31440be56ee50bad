package dev.amelie.vm.exec;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.program.SortKey;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Small programs built with {@link CodeBuilder}, run by {@link Interpreter}. Expected values and
 * error texts are PostgreSQL 15's for the equivalent SQL (noted at each test).
 */
class InterpreterTest {

    // ---- arithmetic -------------------------------------------------------------------------

    /** PostgreSQL: {@code select 7/2, 7::bigint/2, 7::float8/2, 7::numeric/2, -7 % 3}. */
    @Test
    void arithmeticComputesInTheResultTypeCarriedByTheOpcodeWord() {
        assertEquals(3, typed(Opcode.DIVIDE, SqlType.INTEGER, 7, 2));
        assertEquals(3L, typed(Opcode.DIVIDE, SqlType.BIGINT, 7, 2));
        assertEquals(3.5, typed(Opcode.DIVIDE, SqlType.DOUBLE, 7, 2));
        assertEquals(new BigDecimal("3.5000000000000000"), typed(Opcode.DIVIDE, SqlType.NUMERIC, 7, 2));
        assertEquals(-1, typed(Opcode.MODULO, SqlType.INTEGER, -7, 3));
        assertEquals((short) 12, typed(Opcode.MULTIPLY, SqlType.SMALLINT, (short) 3, (short) 4));
    }

    /** PostgreSQL: {@code select 2147483647 + 1} → 22003 integer out of range. */
    @Test
    void integerOverflowRaises22003() {
        SqlException e = assertThrows(SqlException.class,
                () -> typed(Opcode.ADD, SqlType.INTEGER, Integer.MAX_VALUE, 1));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.state());
        assertEquals("integer out of range", e.getMessage());
    }

    /** PostgreSQL: {@code select (-2147483648)::int / -1} and bigint's counterpart. */
    @Test
    void minimumDividedByMinusOneOverflows() {
        assertEquals("integer out of range", assertThrows(SqlException.class,
                () -> typed(Opcode.DIVIDE, SqlType.INTEGER, Integer.MIN_VALUE, -1)).getMessage());
        assertEquals("bigint out of range", assertThrows(SqlException.class,
                () -> typed(Opcode.DIVIDE, SqlType.BIGINT, Long.MIN_VALUE, -1L)).getMessage());
        assertEquals("bigint out of range", assertThrows(SqlException.class,
                () -> typed(Opcode.MULTIPLY, SqlType.BIGINT, Long.MAX_VALUE, 2L)).getMessage());
    }

    /** PostgreSQL: {@code select 1/0}, {@code 1::float8/0}, {@code 1::numeric/0}, {@code 1 % 0}: 22012 division by zero. */
    @ParameterizedTest
    @CsvSource({"DIVIDE,INTEGER", "DIVIDE,BIGINT", "DIVIDE,DOUBLE", "DIVIDE,NUMERIC", "MODULO,INTEGER", "MODULO,NUMERIC"})
    void divisionByZeroRaises22012(Opcode op, SqlType type) {
        SqlException e = assertThrows(SqlException.class, () -> typed(op, type, 1, 0));
        assertEquals(SqlState.DIVISION_BY_ZERO, e.state());
        assertEquals("division by zero", e.getMessage());
    }

    /** PostgreSQL: {@code select 1e308::float8 * 10} → 22003 value out of range: overflow. */
    @Test
    void doubleOverflowRaises22003() {
        SqlException e = assertThrows(SqlException.class, () -> typed(Opcode.MULTIPLY, SqlType.DOUBLE, 1e308, 10.0));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.state());
        assertEquals("value out of range: overflow", e.getMessage());
    }

    /** Operators are strict: {@code select null::int / 0} is NULL, not an error. */
    @Test
    void nullOperandMakesArithmeticNullBeforeAnyCheck() {
        assertNull(typed(Opcode.DIVIDE, SqlType.INTEGER, null, 0));
        assertNull(typed(Opcode.ADD, SqlType.INTEGER, Integer.MAX_VALUE, null));
        assertNull(binary(Opcode.CONCAT, "a", null));
        assertNull(binary(Opcode.LESS, null, 1));
    }

    // ---- logic and control flow -------------------------------------------------------------

    /** SQL's three-valued logic (PostgreSQL 15 docs, 9.1 "Logical Operators", the truth table). */
    @ParameterizedTest
    @CsvSource({
            "true,  true,  true,  true",
            "true,  false, false, true",
            "true,  null,  null,  true",
            "false, true,  false, true",
            "false, false, false, false",
            "false, null,  false, null",
            "null,  true,  null,  true",
            "null,  false, false, null",
            "null,  null,  null,  null"})
    void andOrFollowThreeValuedLogic(String x, String y, String and, String or) {
        assertEquals(bool(and), binary(Opcode.AND, bool(x), bool(y)));
        assertEquals(bool(or), binary(Opcode.OR, bool(x), bool(y)));
    }

    @ParameterizedTest
    @CsvSource({"true, false, true, false", "false, true, false, true", "null, null, false, false"})
    void notIsNullForNullWhileIsTrueAndIsFalseNeverAre(String x, String not, String isTrue, String isFalse) {
        assertEquals(bool(not), unary(Opcode.NOT, bool(x)));
        assertEquals(bool(isTrue), unary(Opcode.IS_TRUE, bool(x)));
        assertEquals(bool(isFalse), unary(Opcode.IS_FALSE, bool(x)));
    }

    /**
     * {@code case when $1 > 0 then 'positive' when $1 < 0 then 'negative' else 'other' end}:
     * a null comparison is not true, so NULL takes the ELSE branch, as in PostgreSQL.
     */
    @ParameterizedTest
    @CsvSource({"5, positive", "-5, negative", "0, other", "null, other"})
    void conditionalJumpsTreatNullAsNotTrue(String parameter, String expected) {
        CodeBuilder code = new CodeBuilder();
        int value = code.newRegister();
        code.emit(Opcode.PARAM, value, 0);
        int zero = code.loadConstant(0);
        int result = code.newRegister();
        CodeBuilder.Label end = code.newLabel();
        CodeBuilder.Label notPositive = code.newLabel();
        CodeBuilder.Label otherwise = code.newLabel();
        int positive = code.newRegister();
        code.emit(Opcode.GREATER, positive, value, zero);
        code.emitJump(Opcode.JUMP_FALSE, positive, 0, 0, 2, notPositive);
        code.emit(Opcode.COPY, result, code.loadConstant("positive"));
        code.emitJump(Opcode.JUMP, 0, 0, 0, 1, end);
        code.place(notPositive);
        int negative = code.newRegister();
        code.emit(Opcode.LESS, negative, value, zero);
        code.emitJump(Opcode.JUMP_FALSE, negative, 0, 0, 2, otherwise);
        code.emit(Opcode.COPY, result, code.loadConstant("negative"));
        code.emitJump(Opcode.JUMP, 0, 0, 0, 1, end);
        code.place(otherwise);
        code.emit(Opcode.COPY, result, code.loadConstant("other"));
        code.place(end);
        code.emit(Opcode.EMIT, result, 1, 0);
        Object argument = parameter.equals("null") ? null : Integer.valueOf(parameter);
        assertEquals(expected, single(code.build(), new InMemoryContext(argument)));
    }

    @Test
    void jumpTrueJumpsOnlyOnTrue() {
        for (Boolean condition : new Boolean[] {true, false, null}) {
            CodeBuilder code = new CodeBuilder();
            int c = code.loadConstant(condition);
            int result = code.loadConstant("fell through");
            CodeBuilder.Label taken = code.newLabel();
            code.emitJump(Opcode.JUMP_TRUE, c, 0, 0, 2, taken);
            code.emit(Opcode.EMIT, result, 1, 0);
            code.emit(Opcode.RETURN, 0);
            code.place(taken);
            code.emit(Opcode.EMIT, code.loadConstant("jumped"), 1, 0);
            assertEquals(Boolean.TRUE.equals(condition) ? "jumped" : "fell through", single(code.build(), new InMemoryContext()));
        }
    }

    /** PostgreSQL's message for a parameter number past the bound ones. */
    @Test
    void parameterPastTheBoundOnesRaises42P02() {
        CodeBuilder code = new CodeBuilder();
        int r = code.newRegister();
        code.emit(Opcode.PARAM, r, 1);
        SqlException e = assertThrows(SqlException.class, () -> Interpreter.run(code.build(), new InMemoryContext(1)));
        assertEquals(SqlState.UNDEFINED_PARAMETER, e.state());
        assertEquals("there is no parameter $2", e.getMessage());
    }

    // ---- functions and casts ----------------------------------------------------------------

    /** PostgreSQL (UTF8): {@code length('😀')} = 1, {@code lower('ÀB')} = 'àb', coalesce skips nulls. */
    @Test
    void functionsFollowPostgres() {
        assertEquals(1, call(Function.LENGTH, "😀"));
        assertEquals("àb", call(Function.LOWER, "ÀB"));
        assertEquals("ÀB", call(Function.UPPER, "àb"));
        assertEquals(3, call(Function.COALESCE, null, null, 3, 4));
        assertNull(call(Function.COALESCE, null, null));
        assertNull(call(Function.LOWER, (Object) null));
        assertEquals(5L, call(Function.ABS, -5L));
        SqlException e = assertThrows(SqlException.class, () -> call(Function.ABS, Integer.MIN_VALUE));
        assertEquals("integer out of range", e.getMessage());
    }

    @Test
    void castOfNullIsNullAndBadTextRaises22P02() {
        assertNull(cast(null, SqlType.INTEGER));
        assertEquals(12, cast(" 12 ", SqlType.INTEGER));
        SqlException e = assertThrows(SqlException.class, () -> cast("abc", SqlType.INTEGER));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, e.state());
        assertEquals("invalid input syntax for type integer: \"abc\"", e.getMessage());
    }

    // ---- aggregates -------------------------------------------------------------------------

    /** PostgreSQL: count(*), count(x), sum(x), min(x), max(x) over x in (3, null, 1, 2). */
    @Test
    void accumulatorsIgnoreNullsExceptCountStar() {
        assertArrayEquals(new Object[] {4L, 3L, 6L, 1, 3}, aggregate(rows(3, null, 1, 2)));
    }

    /** PostgreSQL: over no rows count is 0 and sum, min, max are NULL. */
    @Test
    void accumulatorsOverNoRowsGiveZeroCountAndNullOthers() {
        assertArrayEquals(new Object[] {0L, 0L, null, null, null}, aggregate(List.of()));
    }

    @Test
    void minAndMaxCompareText() {
        Object[] result = aggregate(rows("pear", "apple", null, "fig"), false);
        assertEquals("apple", result[3]);
        assertEquals("pear", result[4]);
    }

    /** PostgreSQL: sum(int4) is bigint, so {@code sum(x)} over (2147483647, 1) is 2147483648. */
    @Test
    void sumOfIntegersGoesPastTheIntegerRange() {
        assertEquals(2147483648L, aggregate(rows(Integer.MAX_VALUE, 1))[2]);
    }

    @Test
    void sumOfDoublesIsDouble() {
        assertEquals(3.75, aggregate(rows(1.5, null, 2.25))[2]);
    }

    /** PostgreSQL: sum(int8) is numeric; over (9223372036854775807, 1) it is 9223372036854775808. */
    @Test
    void sumOfBigintsGoesPastTheBigintRange() {
        Object sum = aggregate(rows(Long.MAX_VALUE, 1L))[2];
        assertEquals(0, new BigDecimal("9223372036854775808").compareTo(new BigDecimal(sum.toString())));
    }

    // ---- sort and limit ---------------------------------------------------------------------

    /** PostgreSQL: {@code order by x} over (2, null, 1, 3) and its DESC / NULLS variants. */
    @Test
    void sortPlacesNullsAsTheKeySays() {
        List<Object[]> input = rows(2, null, 1, 3);
        assertEquals(Arrays.asList(1, 2, 3, null), column(sorted(input, 1, new SortKey(0, false, false)), 0));
        assertEquals(Arrays.asList(null, 3, 2, 1), column(sorted(input, 1, new SortKey(0, true, true)), 0));
        assertEquals(Arrays.asList(null, 1, 2, 3), column(sorted(input, 1, new SortKey(0, false, true)), 0));
        assertEquals(Arrays.asList(3, 2, 1, null), column(sorted(input, 1, new SortKey(0, true, false)), 0));
    }

    /** PostgreSQL: {@code order by a, b desc} over (1,'b'), (2,'a'), (1,'c'), (1,null). */
    @Test
    void sortUsesLaterKeysToBreakTies() {
        List<Object[]> input = List.of(new Object[] {1, "b"}, new Object[] {2, "a"}, new Object[] {1, "c"}, new Object[] {1, null});
        List<Object[]> out = sorted(input, 2, new SortKey(0, false, false), new SortKey(1, true, true));
        assertEquals(Arrays.asList(null, "c", "b", "a"), column(out, 1));
        assertEquals(Arrays.asList(1, 1, 1, 2), column(out, 0));
    }

    @Test
    void sortComparesMixedNumericClassesByValue() {
        List<Object[]> out = sorted(rows(3L, 1.5, 2, new BigDecimal("0.5")), 1, new SortKey(0, false, false));
        assertEquals(Arrays.asList(new BigDecimal("0.5"), 1.5, 2, 3L), column(out, 0));
    }

    @ParameterizedTest
    @CsvSource({"1, 2, '2,3'", "null, 2, '1,2'", "3, null, '4,5'", "10, 2, ''", "0, 0, ''", "4, 100, '5'"})
    void limitKeepsCountRowsAfterOffset(String offset, String count, String expected) {
        List<Object[]> out = limited(rows(1, 2, 3, 4, 5), number(offset), number(count));
        List<Object> values = column(out, 0);
        List<Object> wanted = new ArrayList<>();
        for (String s : expected.split(",")) {
            if (!s.isEmpty()) {
                wanted.add(Integer.valueOf(s));
            }
        }
        assertEquals(wanted, values);
    }

    /** PostgreSQL: {@code select 1 limit -1} / {@code offset -1}, messages from nodeLimit.c. */
    @Test
    void negativeLimitOrOffsetIsRejectedWithPostgresMessage() {
        assertEquals("LIMIT must not be negative",
                assertThrows(SqlException.class, () -> limited(rows(1), 0L, -1L)).getMessage());
        assertEquals("OFFSET must not be negative",
                assertThrows(SqlException.class, () -> limited(rows(1), -1L, 1L)).getMessage());
    }

    /** PostgreSQL 15 reports 2201W (invalid_row_count_in_limit_clause) and 2201X (… in_result_offset_clause). */
    @Test
    void negativeLimitOrOffsetCarriesPostgresSqlState() {
        assertEquals("2201W", assertThrows(SqlException.class, () -> limited(rows(1), 0L, -1L)).state().code());
        assertEquals("2201X", assertThrows(SqlException.class, () -> limited(rows(1), -1L, 1L)).state().code());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Object typed(Opcode op, SqlType type, Object x, Object y) {
        CodeBuilder code = new CodeBuilder();
        int a = code.loadConstant(x);
        int b = code.loadConstant(y);
        int r = code.newRegister();
        code.emitTyped(op, type, r, a, b);
        code.emit(Opcode.EMIT, r, 1, 0);
        return single(code.build(), new InMemoryContext());
    }

    private static Object binary(Opcode op, Object x, Object y) {
        CodeBuilder code = new CodeBuilder();
        int a = code.loadConstant(x);
        int b = code.loadConstant(y);
        int r = code.newRegister();
        code.emit(op, r, a, b);
        code.emit(Opcode.EMIT, r, 1, 0);
        return single(code.build(), new InMemoryContext());
    }

    private static Object unary(Opcode op, Object x) {
        CodeBuilder code = new CodeBuilder();
        int a = code.loadConstant(x);
        int r = code.newRegister();
        code.emit(op, r, a);
        code.emit(Opcode.EMIT, r, 1, 0);
        return single(code.build(), new InMemoryContext());
    }

    private static Object cast(Object x, SqlType target) {
        CodeBuilder code = new CodeBuilder();
        int a = code.loadConstant(x);
        int r = code.newRegister();
        code.emit(Opcode.CAST, r, a, target.ordinal());
        code.emit(Opcode.EMIT, r, 1, 0);
        return single(code.build(), new InMemoryContext());
    }

    private static Object call(Function function, Object... arguments) {
        CodeBuilder code = new CodeBuilder();
        int first = code.newRegisters(arguments.length);
        for (int i = 0; i < arguments.length; i++) {
            code.emit(Opcode.CONST, first + i, code.constant(arguments[i]));
        }
        int r = code.newRegister();
        code.emit(Opcode.CALL, r, Function.pack(function, arguments.length), first);
        code.emit(Opcode.EMIT, r, 1, 0);
        return single(code.build(), new InMemoryContext());
    }

    private static Object[] aggregate(List<Object[]> input) {
        return aggregate(input, true);
    }

    /** count(*), count(x), sum(x) (left null unless {@code sum}), min(x), max(x) over the input's single column. */
    private static Object[] aggregate(List<Object[]> input, boolean sum) {
        CodeBuilder code = new CodeBuilder();
        int accumulators = code.newRegisters(5);
        Object[] initial = {0L, 0L, null, null, null};
        for (int i = 0; i < 5; i++) {
            code.emit(Opcode.CONST, accumulators + i, code.constant(initial[i]));
        }
        int cursor = code.newCursor();
        code.emit(Opcode.OPEN, cursor, RowSourceKind.INPUT.ordinal(), 0);
        CodeBuilder.Label end = code.newLabel();
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int x = code.newRegister();
        code.emit(Opcode.COLUMN, x, cursor, 0);
        code.emit(Opcode.COUNT, accumulators);
        code.emit(Opcode.COUNT_VALUE, accumulators + 1, x);
        if (sum) {
            code.emit(Opcode.SUM, accumulators + 2, x);
        }
        code.emit(Opcode.MIN, accumulators + 3, x);
        code.emit(Opcode.MAX, accumulators + 4, x);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
        code.emit(Opcode.EMIT, accumulators, 5, 0);
        InMemoryContext context = new InMemoryContext(new Object[0], input);
        Interpreter.run(code.build(), context);
        assertEquals(1, context.output().size());
        return context.output().getFirst();
    }

    /** Copies the input to scratch set 1, sorts it, then emits it in order. */
    private static List<Object[]> sorted(List<Object[]> input, int width, SortKey... keys) {
        CodeBuilder code = new CodeBuilder();
        copy(code, RowSourceKind.INPUT, 0, width, 1);
        code.emit(Opcode.SORT, 1, code.constant(keys));
        copy(code, RowSourceKind.SCRATCH, 1, width, 0);
        InMemoryContext context = new InMemoryContext(new Object[0], input);
        Interpreter.run(code.build(), context);
        return context.output();
    }

    private static List<Object[]> limited(List<Object[]> input, Object offset, Object count) {
        CodeBuilder code = new CodeBuilder();
        copy(code, RowSourceKind.INPUT, 0, 1, 1);
        code.emit(Opcode.LIMIT, 1, code.loadConstant(offset), code.loadConstant(count));
        copy(code, RowSourceKind.SCRATCH, 1, 1, 0);
        InMemoryContext context = new InMemoryContext(new Object[0], input);
        Interpreter.run(code.build(), context);
        return context.output();
    }

    /** Emits a loop that copies every row of a source into a row set. */
    private static void copy(CodeBuilder code, RowSourceKind source, int sourceSet, int width, int targetSet) {
        int cursor = code.newCursor();
        code.emit(Opcode.OPEN, cursor, source.ordinal(), sourceSet);
        CodeBuilder.Label end = code.newLabel();
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int first = code.newRegisters(width);
        for (int i = 0; i < width; i++) {
            code.emit(Opcode.COLUMN, first + i, cursor, i);
        }
        code.emit(Opcode.EMIT, first, width, targetSet);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
    }

    private static Object single(Code code, InMemoryContext context) {
        Interpreter.run(code, context);
        assertEquals(1, context.output().size(), "rows emitted");
        Object[] row = context.output().getFirst();
        assertEquals(1, row.length);
        return row[0];
    }

    private static List<Object[]> rows(Object... values) {
        List<Object[]> rows = new ArrayList<>();
        for (Object value : values) {
            rows.add(new Object[] {value});
        }
        return rows;
    }

    private static List<Object> column(List<Object[]> rows, int index) {
        List<Object> values = new ArrayList<>();
        for (Object[] row : rows) {
            values.add(row[index]);
        }
        return values;
    }

    private static Boolean bool(String text) {
        return text.equals("null") ? null : Boolean.valueOf(text);
    }

    private static Long number(String text) {
        return text.equals("null") ? null : Long.valueOf(text);
    }
}
