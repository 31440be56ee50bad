package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.Program;

/**
 * The program that inserts a batch of COPY FROM rows: an INSERT whose input section is unrolled
 * over {@code rows} rows of parameters ($1..$k the first row's copied columns, and so on), so
 * that one executor statement carries many rows without Calcite planning a VALUES list. Columns
 * the COPY leaves out are NULL (our tables have no column defaults). The values are already of
 * the columns' types: the protocol layer ran each type's input function while parsing the data.
 */
public final class CopyLowering {
    private CopyLowering() {}

    public static Program insertBatch(TableDef table, int[] positions, int rows, TableChecks checks) {
        CodeBuilder input = new CodeBuilder();
        int width = table.columns().size();
        // Registers of columns left out are never written: they stay NULL for every row.
        int first = input.newRegisters(width);
        int parameter = 0;
        for (int row = 0; row < rows; row++) {
            for (int position : positions) {
                input.emit(Opcode.PARAM, first + position, parameter++);
            }
            input.emit(Opcode.EMIT, first, width, 0);
        }
        return new Program(Program.StatementKind.INSERT, table.id(), Program.Routing.BY_ROW_KEY,
                input.build(), ProgramLowering.insertPushdown(table, checks), null);
    }
}
