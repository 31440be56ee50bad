package dev.amelie.planner.lower;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.planner.relational.GenerateSeries;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * A set-returning function in FROM, lowered to a loop on the host: generate_series(start, stop
 * [, step]) counts from start to stop by step (down when step is negative), no row when an
 * argument is NULL, 22023 for a zero step, as PostgreSQL's generate_series_step_int4/8/numeric;
 * regexp_matches gives a row for each match.
 */
final class SeriesLowering {
    private SeriesLowering() {}

    static void lower(TableFunctionScan scan, CodeBuilder code, ExpressionLowering expressions, RowSink sink) {
        RexCall call = (RexCall) scan.getCall();
        if (call.getOperator().getName().equalsIgnoreCase(dev.amelie.planner.relational.RegexpMatches.NAME)) {
            regexpMatches(call, code, expressions, sink);
            return;
        }
        if (!call.getOperator().getName().equalsIgnoreCase(GenerateSeries.NAME)) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "function " + call.getOperator().getName()
                    + " in FROM is not supported yet");
        }
        SqlType type = TypeMapping.fromCalcite(scan.getRowType().getFieldList().getFirst().getType());
        List<RexNode> operands = call.getOperands();
        int start = expressions.castRegister(expressions.lower(operands.get(0), new int[0]), type);
        int stop = expressions.castRegister(expressions.lower(operands.get(1), new int[0]), type);
        boolean temporal = type == SqlType.TIMESTAMP || type == SqlType.TIMESTAMPTZ;
        int step;
        if (operands.size() > 2) {
            step = expressions.castRegister(expressions.lower(operands.get(2), new int[0]), temporal ? SqlType.INTERVAL : type);
        } else {
            step = code.newRegister();
            code.emit(Opcode.CONST, step, code.constant(one(type)));
        }
        CodeBuilder.Label end = code.newLabel();
        int isNull = code.newRegister();
        for (int argument : new int[] {start, stop, step}) {
            code.emit(Opcode.IS_NULL, isNull, argument);
            code.emitJump(Opcode.JUMP_TRUE, isNull, 0, 0, 2, end);
        }
        int zero = code.newRegister();
        code.emit(Opcode.CONST, zero, code.constant(zero(type)));
        int isZero = code.newRegister();
        code.emit(Opcode.EQUAL, isZero, step, zero);
        CodeBuilder.Label stepOk = code.newLabel();
        code.emitJump(Opcode.JUMP_FALSE, isZero, 0, 0, 2, stepOk);
        code.emit(Opcode.RAISE, code.constant(SqlState.INVALID_PARAMETER_VALUE), code.constant("step size cannot equal zero"));
        code.place(stepOk);
        int up = code.newRegister();
        code.emit(Opcode.GREATER, up, step, zero);
        int current = code.newRegister();
        code.emit(Opcode.COPY, current, start);
        int more = code.newRegister();
        int loop = code.position();
        CodeBuilder.Label down = code.newLabel();
        CodeBuilder.Label check = code.newLabel();
        code.emitJump(Opcode.JUMP_FALSE, up, 0, 0, 2, down);
        code.emit(Opcode.LESS_OR_EQUAL, more, current, stop);
        code.emitJump(Opcode.JUMP, 0, 0, 0, 1, check);
        code.place(down);
        code.emit(Opcode.GREATER_OR_EQUAL, more, current, stop);
        code.place(check);
        code.emitJump(Opcode.JUMP_FALSE, more, 0, 0, 2, end);
        int value = code.newRegister();
        code.emit(Opcode.COPY, value, current);
        sink.accept(new int[] {value});
        code.emitTyped(Opcode.ADD, type, current, current, step);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
    }

    /**
     * regexp_matches(string, pattern [, flags]): the matches, computed at once, then a row for
     * each; none when an argument is NULL (the function is strict).
     */
    private static void regexpMatches(RexCall call, CodeBuilder code, ExpressionLowering expressions, RowSink sink) {
        int[] arguments = new int[call.getOperands().size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = expressions.castRegister(expressions.lower(call.getOperands().get(i), new int[0]), SqlType.TEXT);
        }
        int matches = expressions.call(dev.amelie.vm.program.Function.REGEXP_MATCHES, arguments);
        CodeBuilder.Label end = code.newLabel();
        int isNull = code.newRegister();
        code.emit(Opcode.IS_NULL, isNull, matches);
        code.emitJump(Opcode.JUMP_TRUE, isNull, 0, 0, 2, end);
        int count = expressions.call(dev.amelie.vm.program.Function.CARDINALITY, matches);
        int index = code.newRegister();
        code.emit(Opcode.CONST, index, code.constant(1));
        int one = code.newRegister();
        code.emit(Opcode.CONST, one, code.constant(1));
        int more = code.newRegister();
        int loop = code.position();
        code.emit(Opcode.LESS_OR_EQUAL, more, index, count);
        code.emitJump(Opcode.JUMP_FALSE, more, 0, 0, 2, end);
        int match = expressions.call(dev.amelie.vm.program.Function.ARRAY_ELEMENT, matches, index);
        sink.accept(new int[] {match});
        code.emitTyped(Opcode.ADD, SqlType.INTEGER, index, index, one);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
    }

    private static Object one(SqlType type) {
        return switch (type) {
            case BIGINT -> 1L;
            case NUMERIC -> BigDecimal.ONE;
            default -> 1;
        };
    }

    private static Object zero(SqlType type) {
        return switch (type) {
            case TIMESTAMP, TIMESTAMPTZ -> new dev.amelie.vm.value.Interval(0, 0, 0);
            case BIGINT -> 0L;
            case NUMERIC -> BigDecimal.ZERO;
            default -> 0;
        };
    }
}
