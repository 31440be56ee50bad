package dev.amelie.compute.executor;

import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Program;

/**
 * Whether a statement calls functions that reach outside its transaction: the session's (an
 * advisory lock may wait for another session to let go) or the catalog's. Such a statement runs
 * on a transaction thread of its own, never on an event loop or a node it borrowed.
 */
public final class OutsideCalls {
    private OutsideCalls() {}

    public static boolean any(Program program) {
        for (Code code : new Code[] {program.input(), program.pushdown(), program.merge()}) {
            if (code == null) {
                continue;
            }
            for (Function function : code.calledFunctions()) {
                if (function.area() == Function.Area.SESSION || function.area() == Function.Area.CATALOG) {
                    return true;
                }
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
