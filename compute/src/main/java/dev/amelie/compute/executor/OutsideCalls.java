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
        if (reachesOut(program.input()) || reachesOut(program.pushdown()) || reachesOut(program.merge())) {
            return true;
        }
        for (Program source : program.sources()) {
            if (any(source)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reachesOut(Code code) {
        return code != null && (code.callsIn(Function.Area.SESSION) || code.callsIn(Function.Area.CATALOG));
    }
}
