package dev.amelie.planner.lower;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.program.SortKey;
import dev.amelie.vm.program.WindowSpec;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

import java.util.ArrayList;
import java.util.List;

/**
 * Window functions on the host: the input rows are materialized, and each OVER clause (a
 * {@link Window.Group}) becomes one WINDOW instruction that sorts them on its partition and
 * order and appends its calls' values to every row; then the rows go on.
 */
final class WindowLowering {
    private WindowLowering() {}

    static void lower(Window window, SectionLowering section, CodeBuilder code, RowSink sink) {
        int rowSet = section.newRowSet();
        section.produce(window.getInput(), row -> section.emit(row, rowSet));
        int inputWidth = window.getInput().getRowType().getFieldCount();
        int width = inputWidth;
        for (Window.Group group : window.groups) {
            code.emit(Opcode.WINDOW, rowSet, code.constant(spec(window, group, inputWidth)));
            width += group.aggCalls.size();
        }
        section.scanRows(RowSourceKind.SCRATCH, rowSet, width, sink);
    }

    private static WindowSpec spec(Window window, Window.Group group, int inputWidth) {
        int[] partition = group.keys.asList().stream().mapToInt(Integer::intValue).toArray();
        SortKey[] order = SortKeys.of(group.orderKeys.getFieldCollations());
        List<WindowSpec.Call> calls = new ArrayList<>();
        for (Window.RexWinAggCall call : group.aggCalls) {
            WindowSpec.Kind kind = switch (call.getOperator().getKind()) {
                case ROW_NUMBER -> WindowSpec.Kind.ROW_NUMBER;
                case RANK -> WindowSpec.Kind.RANK;
                case DENSE_RANK -> WindowSpec.Kind.DENSE_RANK;
                case PERCENT_RANK -> WindowSpec.Kind.PERCENT_RANK;
                case CUME_DIST -> WindowSpec.Kind.CUME_DIST;
                case NTILE -> WindowSpec.Kind.NTILE;
                case LAG -> WindowSpec.Kind.LAG;
                case LEAD -> WindowSpec.Kind.LEAD;
                case FIRST_VALUE -> WindowSpec.Kind.FIRST_VALUE;
                case LAST_VALUE -> WindowSpec.Kind.LAST_VALUE;
                case COUNT -> call.getOperands().isEmpty() ? WindowSpec.Kind.COUNT_STAR : WindowSpec.Kind.COUNT;
                case SUM, SUM0 -> WindowSpec.Kind.SUM;
                case AVG -> WindowSpec.Kind.AVG;
                case MIN -> WindowSpec.Kind.MIN;
                case MAX -> WindowSpec.Kind.MAX;
                default -> throw ExpressionLowering.unsupported("window function " + call.getOperator().getName().toLowerCase());
            };
            List<RexNode> operands = call.getOperands();
            int argument = -1;
            long offset = 1;
            Object fallback = null;
            if (kind == WindowSpec.Kind.NTILE) {
                offset = ((Number) constant(window, operands.get(0), inputWidth)).longValue();
            } else if (!operands.isEmpty()) {
                argument = column(operands.get(0), inputWidth);
                if (operands.size() > 1) {
                    Object n = constant(window, operands.get(1), inputWidth);
                    offset = n == null ? 1 : ((Number) n).longValue();
                }
                if (operands.size() > 2) {
                    fallback = constant(window, operands.get(2), inputWidth);
                }
            }
            boolean sum0 = call.getOperator().getKind() == org.apache.calcite.sql.SqlKind.SUM0;
            calls.add(new WindowSpec.Call(kind, argument, offset, fallback, group.isRows,
                    edge(group.lowerBound), bound(window, group.lowerBound, inputWidth),
                    edge(group.upperBound), bound(window, group.upperBound, inputWidth),
                    sum0 ? null : TypeMapping.fromCalcite(call.getType())));
        }
        return new WindowSpec(partition, order, calls);
    }

    private static int column(RexNode operand, int inputWidth) {
        if (operand instanceof RexInputRef ref && ref.getIndex() < inputWidth) {
            return ref.getIndex();
        }
        throw ExpressionLowering.unsupported("a window function argument that is not a column");
    }

    /** An operand that is a constant: window.constants are numbered after the input's columns. */
    private static Object constant(Window window, RexNode operand, int inputWidth) {
        RexLiteral literal;
        if (operand instanceof RexInputRef ref && ref.getIndex() >= inputWidth) {
            literal = window.constants.get(ref.getIndex() - inputWidth);
        } else if (operand instanceof RexLiteral l) {
            literal = l;
        } else {
            throw ExpressionLowering.unsupported("a window function argument that is not a constant");
        }
        Object value = literal.getValue3();
        return value instanceof org.apache.calcite.util.NlsString s ? s.getValue() : value;
    }

    private static WindowSpec.Edge edge(RexWindowBound bound) {
        if (bound.isUnbounded()) {
            return bound.isPreceding() ? WindowSpec.Edge.UNBOUNDED_PRECEDING : WindowSpec.Edge.UNBOUNDED_FOLLOWING;
        }
        if (bound.isCurrentRow()) {
            return WindowSpec.Edge.CURRENT_ROW;
        }
        return bound.isPreceding() ? WindowSpec.Edge.PRECEDING : WindowSpec.Edge.FOLLOWING;
    }

    private static long bound(Window window, RexWindowBound bound, int inputWidth) {
        if (bound.isUnbounded() || bound.isCurrentRow() || bound.getOffset() == null) {
            return 0;
        }
        return ((Number) constant(window, bound.getOffset(), inputWidth)).longValue();
    }
}
