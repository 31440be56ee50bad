package dev.amelie.compute.executor;

import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Program;

/** Whether a statement calls sequence functions, in any of its sections. */
final class SequenceUse {
    private SequenceUse() {}

    /** Any of nextval, setval, currval: the statement needs its sequence values fixed for replays. */
    static boolean any(Program program) {
        for (Code code : new Code[] {program.input(), program.pushdown(), program.merge()}) {
            if (code != null && (code.calls(Function.NEXTVAL) || code.calls(Function.SETVAL) || code.calls(Function.CURRVAL))) {
                return true;
            }
        }
        for (Program source : program.sources()) {
            if (any(source)) {
                return true;
            }
        }
        return false;
    }
}
