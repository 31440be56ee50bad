package dev.amelie.planner.lower;

import dev.amelie.vm.program.CheckSpec;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;

/**
 * The CHECK constraints of a write, in the write's own program: each condition is evaluated
 * over the new row's registers just before the row is stored, and {@link Opcode#CHECK} fails the
 * statement with 23514 when one is FALSE. PostgreSQL checks them in name order
 * (ExecRelCheck walks the constraints as RelationGetConstraints sorted them), so the first
 * failing one by name is the one reported.
 */
final class CheckLowering {
    private CheckLowering() {}

    /** Emits the checks of the row in registers {@code first … first + width - 1}; nothing when there are none. */
    static void emit(CodeBuilder code, TableChecks checks, int first) {
        if (checks.isEmpty()) {
            return;
        }
        int[] row = new int[checks.width()];
        for (int i = 0; i < row.length; i++) {
            row[i] = first + i;
        }
        if (checks.fitsRow()) {
            code.emit(Opcode.FIT_ROW, first);
        }
        ExpressionLowering expressions = new ExpressionLowering(code, checks.rexBuilder(), new int[0]);
        for (int c = 0; c < checks.conditions().size(); c++) {
            int result = expressions.lower(checks.conditions().get(c), row);
            code.emit(Opcode.CHECK, result, code.constant(new CheckSpec(checks.relation(), checks.names().get(c), checks.width())),
                    first);
        }
    }
}
