package dev.amelie.compute.executor;

import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Program;

/** Whether a statement calls sequence functions, in any of its sections. */
final class SequenceUse {
    private SequenceUse() {}

    /** Any of nextval, setval, currval: the statement needs its sequence values fixed for replays. */
    static boolean any(Program program) {
        if (drawsFromSequences(program.input()) || drawsFromSequences(program.pushdown()) || drawsFromSequences(program.merge())) {
            return true;
        }
        for (Program source : program.sources()) {
            if (any(source)) {
                return true;
            }
        }
        return false;
    }

    private static boolean drawsFromSequences(Code code) {
        return code != null && (code.calls(Function.NEXTVAL) || code.calls(Function.SETVAL) || code.calls(Function.CURRVAL));
    }
}
