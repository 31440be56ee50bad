package dev.amelie.planner.lower;

import dev.amelie.planner.relational.Unnest;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * unnest, lowered to a loop over the elements: in FROM (Calcite's Uncollect) and in a select
 * list (a projection with unnest calls, PostgreSQL's ProjectSet). Several arrays run in
 * lockstep as far as the longest, the shorter giving NULLs; no row at all when every array is
 * NULL or empty (nodeProjectSet.c, and unnest of several arrays in FROM).
 */
final class UnnestLowering {
    private UnnestLowering() {}

    /** What the loop body gets: the 1-based position and the element of each array there. */
    private interface Body {
        void accept(int position, int[] elements);
    }

    /** Whether a projection holds a select-list unnest. */
    static boolean isProjectSet(Project project) {
        return !calls(project).isEmpty();
    }

    /** The distinct unnest calls in a projection (a call written twice is one, as it runs in lockstep anyway). */
    private static List<RexCall> calls(Project project) {
        Set<RexCall> found = new LinkedHashSet<>();
        for (RexNode expression : project.getProjects()) {
            expression.accept(new RexShuttle() {
                @Override
                public RexNode visitCall(RexCall call) {
                    if (Unnest.isSetReturning(call.getOperator())) {
                        found.add(call);
                        return call;
                    }
                    return super.visitCall(call);
                }
            });
        }
        return new ArrayList<>(found);
    }

    /** A projection with unnest calls: per input row, one output row per element position. */
    static void lowerProject(Project project, SectionLowering section, int[] row, RowSink sink) {
        ExpressionLowering expressions = section.expressions();
        List<RexCall> calls = calls(project);
        int[] arrays = new int[calls.size()];
        for (int k = 0; k < arrays.length; k++) {
            RexCall call = calls.get(k);
            arrays[k] = expressions.lower(call.getOperands().getFirst(), row);
            if (call.getOperator() == Unnest.SUBSCRIPTS) {
                arrays[k] = expressions.call(Function.ARRAY_SUBSCRIPTS, arrays[k], expressions.lower(call.getOperands().get(1), row));
            }
        }
        loop(section.code(), expressions, arrays, (position, elements) -> {
            for (int k = 0; k < elements.length; k++) {
                expressions.bind(calls.get(k), elements[k]);
            }
            List<RexNode> projects = project.getProjects();
            int[] out = new int[projects.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = expressions.lower(projects.get(i), row);
            }
            for (RexCall call : calls) {
                expressions.unbind(call);
            }
            sink.accept(out);
        });
    }

    /** UNNEST(a, …) [WITH ORDINALITY] in FROM: the input row's arrays, element by element. */
    static void lowerUncollect(Uncollect uncollect, SectionLowering section, RowSink sink) {
        section.produce(uncollect.getInput(), row -> loop(section.code(), section.expressions(), row, (position, elements) -> {
            if (!uncollect.withOrdinality) {
                sink.accept(elements);
                return;
            }
            int[] out = java.util.Arrays.copyOf(elements, elements.length + 1);
            out[elements.length] = position;
            sink.accept(out);
        }));
    }

    private static void loop(CodeBuilder code, ExpressionLowering expressions, int[] arrays, Body body) {
        int count = code.loadConstant(0);
        int isNull = code.newRegister();
        int longer = code.newRegister();
        for (int array : arrays) {
            int length = expressions.call(Function.CARDINALITY, array);
            CodeBuilder.Label shorter = code.newLabel();
            code.emit(Opcode.IS_NULL, isNull, length);
            code.emitJump(Opcode.JUMP_TRUE, isNull, 0, 0, 2, shorter);
            code.emit(Opcode.GREATER, longer, length, count);
            code.emitJump(Opcode.JUMP_FALSE, longer, 0, 0, 2, shorter);
            code.emit(Opcode.COPY, count, length);
            code.place(shorter);
        }
        int position = code.newRegister();
        code.emit(Opcode.CONST, position, code.constant(1));
        int one = code.loadConstant(1);
        int more = code.newRegister();
        CodeBuilder.Label end = code.newLabel();
        int loop = code.position();
        code.emit(Opcode.LESS_OR_EQUAL, more, position, count);
        code.emitJump(Opcode.JUMP_FALSE, more, 0, 0, 2, end);
        int[] elements = new int[arrays.length];
        for (int k = 0; k < arrays.length; k++) {
            elements[k] = expressions.call(Function.UNNEST_ELEMENT, arrays[k], position);
        }
        // The body's own row: the position register moves on when the body is done with it.
        int current = code.newRegister();
        code.emit(Opcode.COPY, current, position);
        body.accept(current, elements);
        code.emitTyped(Opcode.ADD, SqlType.INTEGER, position, position, one);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
    }
}
