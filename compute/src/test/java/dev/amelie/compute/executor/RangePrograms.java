package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.type.SqlType;

/**
 * Hand-built parameterized programs, in the shapes the planner lowers to, for tests that need
 * read-modify-write statements ({@code v = v + $n}) and predicates over ranges; complements
 * {@link TablePrograms}. Parameters are 0-based ({@code $1} is parameter 0).
 */
public final class RangePrograms {
    private RangePrograms() {}

    /**
     * {@code UPDATE t SET column = column + $2 WHERE key = $1}, routed BY_KEY: the input section
     * computes the key, the pushdown runs on the owning node only and finds the row with LOOKUP.
     * The table's key must be a single column.
     */
    public static Program addByKeyLookup(TableDef def, int column) {
        CodeBuilder input = new CodeBuilder();
        int key = input.newRegister();
        input.emit(Opcode.PARAM, key, 0);
        input.emit(Opcode.EMIT, key, 1, 0);

        int width = def.columns().size();
        CodeBuilder pushdown = new CodeBuilder();
        int cursor = pushdown.newCursor();
        int lookupKey = pushdown.newRegister();
        pushdown.emit(Opcode.PARAM, lookupKey, 0);
        pushdown.emit(Opcode.LOOKUP, cursor, lookupKey, 1);
        RowLoop.over(pushdown, cursor, width, (code, c, row, loop) -> emitAddAndUpdate(code, def, c, row, column, 1));
        return new Program(Program.StatementKind.UPDATE, def.id(), Program.Routing.BY_KEY,
                input.build(), pushdown.build(), null);
    }

    /** {@code UPDATE t SET column = column + $2 WHERE keyColumn = $1}, as a scan with a filter on every node. */
    public static Program addByKeyScan(TableDef def, int keyColumn, int column) {
        int width = def.columns().size();
        CodeBuilder pushdown = new CodeBuilder();
        RowLoop.over(pushdown, RowSourceKind.PARTITION, width, (code, cursor, row, loop) -> {
            int wanted = code.newRegister();
            code.emit(Opcode.PARAM, wanted, 0);
            int matches = code.newRegister();
            code.emit(Opcode.EQUAL, matches, row + keyColumn, wanted);
            code.emit(Opcode.JUMP_FALSE, matches, loop); // backward jump: the target is known
            emitAddAndUpdate(code, def, cursor, row, column, 1);
        });
        return new Program(Program.StatementKind.UPDATE, def.id(), Program.Routing.ALL, null, pushdown.build(), null);
    }

    /**
     * {@code UPDATE t SET addColumn = addColumn + $3[, textColumn = $4] WHERE filterColumn >= $1
     * AND filterColumn < $2}; {@code textColumn} -1 leaves the text alone.
     */
    public static Program updateRange(TableDef def, int filterColumn, int addColumn, int textColumn) {
        int width = def.columns().size();
        CodeBuilder pushdown = new CodeBuilder();
        RowLoop.over(pushdown, RowSourceKind.PARTITION, width, (code, cursor, row, loop) -> {
            emitRangeFilter(code, row + filterColumn, loop);
            int added = code.newRegister();
            int delta = code.newRegister();
            code.emit(Opcode.PARAM, delta, 2);
            code.emitTyped(Opcode.ADD, def.columns().get(addColumn).type(), added, row + addColumn, delta);
            int text = code.newRegister();
            if (textColumn >= 0) {
                code.emit(Opcode.PARAM, text, 3);
            }
            int first = code.newRegisters(width);
            for (int i = 0; i < width; i++) {
                if (i == addColumn) {
                    code.emit(Opcode.COPY, first + i, added);
                } else if (i == textColumn) {
                    code.emit(Opcode.COPY, first + i, text);
                } else {
                    code.emit(Opcode.COPY, first + i, row + i);
                }
            }
            code.emit(Opcode.UPDATE, cursor, first, width);
        });
        return new Program(Program.StatementKind.UPDATE, def.id(), Program.Routing.ALL, null, pushdown.build(), null);
    }

    /** {@code DELETE FROM t WHERE filterColumn >= $1 AND filterColumn < $2}. */
    public static Program deleteRange(TableDef def, int filterColumn) {
        int width = def.columns().size();
        CodeBuilder pushdown = new CodeBuilder();
        RowLoop.over(pushdown, RowSourceKind.PARTITION, width, (code, cursor, row, loop) -> {
            emitRangeFilter(code, row + filterColumn, loop);
            code.emit(Opcode.DELETE, cursor);
        });
        return new Program(Program.StatementKind.DELETE, def.id(), Program.Routing.ALL, null, pushdown.build(), null);
    }

    /** {@code SELECT * FROM t WHERE filterColumn >= $1 AND filterColumn < $2} (stored values, unordered). */
    public static Program selectRange(TableDef def, int filterColumn) {
        int width = def.storedWidth();
        CodeBuilder pushdown = new CodeBuilder();
        RowLoop.over(pushdown, RowSourceKind.PARTITION, width, (code, cursor, row, loop) -> {
            emitRangeFilter(code, row + filterColumn, loop);
            code.emit(Opcode.EMIT, row, width, 0);
        });
        CodeBuilder merge = new CodeBuilder();
        RowLoop.over(merge, RowSourceKind.INPUT, width, (code, cursor, row, loop) -> code.emit(Opcode.EMIT, row, width, 0));
        return new Program(Program.StatementKind.SELECT, def.id(), Program.Routing.ALL, null, pushdown.build(), merge.build());
    }

    /** Jumps back to {@code loop} unless $1 <= register value < $2. */
    private static void emitRangeFilter(CodeBuilder code, int value, int loop) {
        int lo = code.newRegister();
        int hi = code.newRegister();
        code.emit(Opcode.PARAM, lo, 0);
        code.emit(Opcode.PARAM, hi, 1);
        int atLeast = code.newRegister();
        int below = code.newRegister();
        int both = code.newRegister();
        code.emit(Opcode.GREATER_OR_EQUAL, atLeast, value, lo);
        code.emit(Opcode.LESS, below, value, hi);
        code.emit(Opcode.AND, both, atLeast, below);
        code.emit(Opcode.JUMP_FALSE, both, loop);
    }

    private static void emitAddAndUpdate(CodeBuilder code, TableDef def, int cursor, int row, int column, int deltaParameter) {
        int width = def.columns().size();
        SqlType type = def.columns().get(column).type();
        int delta = code.newRegister();
        code.emit(Opcode.PARAM, delta, deltaParameter);
        int first = code.newRegisters(width);
        for (int i = 0; i < width; i++) {
            if (i == column) {
                code.emitTyped(Opcode.ADD, type, first + i, row + i, delta);
            } else {
                code.emit(Opcode.COPY, first + i, row + i);
            }
        }
        code.emit(Opcode.UPDATE, cursor, first, width);
    }
}
