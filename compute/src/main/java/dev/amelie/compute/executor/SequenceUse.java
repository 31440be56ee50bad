package dev.amelie.compute.executor;

import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Program;

/** Whether a statement may draw from or set a sequence, in any of its sections. */
final class SequenceUse {
    private SequenceUse() {}

    static boolean of(Program program) {
        for (Code code : new Code[] {program.input(), program.pushdown(), program.merge()}) {
            if (code != null && (code.calls(Function.NEXTVAL) || code.calls(Function.SETVAL))) {
                return true;
            }
        }
        for (Program source : program.sources()) {
            if (of(source)) {
                return true;
            }
        }
        return false;
    }
}
