package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ForeignKey;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.ForeignKeySteps;
import dev.amelie.planner.catalog.CalciteTable;
import dev.amelie.vm.program.Program;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, when a write is planned, which foreign keys it must check or act on: an INSERT
 * checks every constraint of its table, an UPDATE those whose columns it sets and the references
 * to the columns it sets, a DELETE the references to its table. Null when there is nothing to do,
 * so such writes are planned exactly as before.
 */
final class ForeignKeyPlanning {
    private ForeignKeyPlanning() {}

    static ForeignKeySteps of(RelNode rel, Catalog catalog) {
        if (!(rel instanceof TableModify modify)) {
            return null;
        }
        CalciteTable table = modify.getTable().unwrap(CalciteTable.class);
        if (table == null) {
            return null;
        }
        TableDef def = table.def();
        List<ForeignKey> checked = new ArrayList<>();
        List<ForeignKeySteps.Referencing> referencing = new ArrayList<>();
        Program.StatementKind kind;
        switch (modify.getOperation()) {
            case INSERT -> {
                kind = Program.StatementKind.INSERT;
                checked.addAll(def.foreignKeys());
            }
            case UPDATE -> {
                kind = Program.StatementKind.UPDATE;
                List<Integer> set = modify.getUpdateColumnList().stream().map(def::columnIndex).toList();
                for (ForeignKey key : def.foreignKeys()) {
                    if (set.stream().anyMatch(key::uses)) {
                        checked.add(key);
                    }
                }
                for (Catalog.Reference reference : catalog.referencesTo(def.id())) {
                    if (set.stream().anyMatch(reference.key()::references)) {
                        referencing.add(new ForeignKeySteps.Referencing(reference.referencing().def(), reference.key()));
                    }
                }
            }
            case DELETE -> {
                kind = Program.StatementKind.DELETE;
                for (Catalog.Reference reference : catalog.referencesTo(def.id())) {
                    referencing.add(new ForeignKeySteps.Referencing(reference.referencing().def(), reference.key()));
                }
            }
            default -> {
                return null;
            }
        }
        return checked.isEmpty() && referencing.isEmpty() ? null : new ForeignKeySteps(kind, def, checked, referencing);
    }

    /**
     * The steps of INSERT … ON CONFLICT: the proposed rows' keys (see ForeignKeySteps#proposed);
     * and when DO UPDATE sets {@code setColumns}, the constraints on them over the whole table
     * and the references to them. Null when there is nothing to do.
     */
    static ForeignKeySteps ofUpsert(RelNode rel, Catalog catalog, int[] setColumns) {
        ForeignKeySteps inserted = of(rel, catalog);
        CalciteTable table = rel instanceof TableModify modify ? modify.getTable().unwrap(CalciteTable.class) : null;
        if (table == null) {
            return inserted;
        }
        TableDef def = table.def();
        List<ForeignKey> whole = new ArrayList<>();
        for (ForeignKey key : def.foreignKeys()) {
            if (java.util.Arrays.stream(setColumns).anyMatch(key::uses)) {
                whole.add(key);
            }
        }
        List<ForeignKeySteps.Referencing> referencing = new ArrayList<>();
        for (Catalog.Reference reference : catalog.referencesTo(def.id())) {
            if (java.util.Arrays.stream(setColumns).anyMatch(reference.key()::references)) {
                referencing.add(new ForeignKeySteps.Referencing(reference.referencing().def(), reference.key()));
            }
        }
        if (inserted == null && whole.isEmpty() && referencing.isEmpty()) {
            return null;
        }
        return new ForeignKeySteps(Program.StatementKind.INSERT, def, inserted == null ? List.of() : inserted.checked(),
                referencing, true, whole);
    }

    /** Whether the write's program must emit the rows it changed (UPDATE's new versions, DELETE's old rows). */
    static boolean needsChangedRows(ForeignKeySteps steps) {
        return steps != null && steps.kind() != Program.StatementKind.INSERT;
    }
}
