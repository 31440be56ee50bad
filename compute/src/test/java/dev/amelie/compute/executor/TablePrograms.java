package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.value.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Hand-built programs of the shapes the planner lowers to (see planner's
 * {@code lower.ProgramLowering}), so executor tests need no planner.
 */
public final class TablePrograms {
    private TablePrograms() {}

    /** INSERT: the input section emits the constant rows, the pushdown inserts each routed row. */
    public static Program insert(TableDef def, Object[]... rows) {
        CodeBuilder input = new CodeBuilder();
        for (Object[] row : rows) {
            int first = input.newRegisters(row.length);
            for (int i = 0; i < row.length; i++) {
                input.emit(Opcode.CONST, first + i, input.constant(row[i]));
            }
            input.emit(Opcode.EMIT, first, row.length, 0);
        }
        CodeBuilder pushdown = new CodeBuilder();
        int cursor = pushdown.newCursor();
        pushdown.emit(Opcode.OPEN, cursor, RowSourceKind.INPUT.ordinal(), 0);
        CodeBuilder.Label end = pushdown.newLabel();
        int loop = pushdown.position();
        pushdown.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int width = def.storedWidth();
        int first = pushdown.newRegisters(width);
        for (int i = 0; i < width; i++) {
            pushdown.emit(Opcode.COLUMN, first + i, cursor, i);
        }
        pushdown.emit(Opcode.INSERT, first, width);
        pushdown.emit(Opcode.JUMP, loop);
        pushdown.place(end);
        return new Program(Program.StatementKind.INSERT, def.id(), Program.Routing.BY_ROW_KEY,
                input.build(), pushdown.build(), null);
    }

    /** SELECT of every stored value (a key-less table's hidden row id last): scan → emit, gather → emit. */
    /** {@code SELECT nextval('name')}: a host-only statement. */
    public static Program nextval(String sequence) {
        CodeBuilder merge = new CodeBuilder();
        int name = merge.loadConstant(sequence);
        int value = merge.newRegister();
        merge.emit(Opcode.CALL, value, dev.amelie.vm.program.Function.pack(dev.amelie.vm.program.Function.NEXTVAL, 1), name);
        merge.emit(Opcode.EMIT, value, 1, 0);
        merge.emit(Opcode.RETURN, 0);
        return new Program(Program.StatementKind.SELECT, 0, Program.Routing.NONE, null, null, merge.build());
    }

    public static Program selectStored(TableDef def) {
        int width = def.storedWidth();
        CodeBuilder pushdown = new CodeBuilder();
        copyAll(pushdown, RowSourceKind.PARTITION, width);
        CodeBuilder merge = new CodeBuilder();
        copyAll(merge, RowSourceKind.INPUT, width);
        return new Program(Program.StatementKind.SELECT, def.id(), Program.Routing.ALL, null, pushdown.build(), merge.build());
    }

    /** UPDATE t SET column = newValue WHERE keyColumn = keyValue. */
    public static Program updateWhere(TableDef def, int keyColumn, Object keyValue, int column, Object newValue) {
        int width = def.columns().size();
        Code pushdown = scanWhere(def, keyColumn, keyValue, (code, cursor, row) -> {
            int first = code.newRegisters(width);
            for (int i = 0; i < width; i++) {
                if (i == column) {
                    code.emit(Opcode.CONST, first + i, code.constant(newValue));
                } else {
                    code.emit(Opcode.COPY, first + i, row + i);
                }
            }
            code.emit(Opcode.UPDATE, cursor, first, width);
        });
        return new Program(Program.StatementKind.UPDATE, def.id(), Program.Routing.ALL, null, pushdown, null);
    }

    /** DELETE FROM t WHERE keyColumn = keyValue. */
    public static Program deleteWhere(TableDef def, int keyColumn, Object keyValue) {
        Code pushdown = scanWhere(def, keyColumn, keyValue, (code, cursor, row) -> code.emit(Opcode.DELETE, cursor));
        return new Program(Program.StatementKind.DELETE, def.id(), Program.Routing.ALL, null, pushdown, null);
    }

    /** The table's stored rows as seen by {@code transaction}, ordered by their first value. */
    public static List<List<Object>> rows(Transaction transaction, TableDef def) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : transaction.run(selectStored(def), new Object[0]).rows()) {
            rows.add(Arrays.asList(row));
        }
        rows.sort(Comparator.comparing((List<Object> row) -> row.getFirst(), Values::compare));
        return rows;
    }

    private interface RowAction {
        void emit(CodeBuilder code, int cursor, int firstColumnRegister);
    }

    private static Code scanWhere(TableDef def, int keyColumn, Object keyValue, RowAction action) {
        CodeBuilder code = new CodeBuilder();
        RowLoop.over(code, RowSourceKind.PARTITION, def.columns().size(), (c, cursor, row, loop) -> {
            int key = c.loadConstant(keyValue);
            int matches = c.newRegister();
            c.emit(Opcode.EQUAL, matches, row + keyColumn, key);
            CodeBuilder.Label skip = c.newLabel();
            c.emitJump(Opcode.JUMP_FALSE, matches, 0, 0, 2, skip);
            action.emit(c, cursor, row);
            c.place(skip);
        });
        return code.build();
    }

    private static void copyAll(CodeBuilder code, RowSourceKind source, int width) {
        RowLoop.over(code, source, width, (c, cursor, row, loop) -> c.emit(Opcode.EMIT, row, width, 0));
    }
}
