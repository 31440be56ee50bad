package dev.amelie.pgwire.engine;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.pgwire.session.QueryEngine.Notice;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * What DROP TABLE, TRUNCATE and DROP INDEX must respect of the FOREIGN KEY constraints that
 * reference a table, with PostgreSQL 15's errors and notices: a referenced table is not dropped
 * (2BP01) unless CASCADE drops the constraints, not emptied alone (0A000) unless CASCADE empties
 * the referencing tables too, and the unique index a constraint relies on stays (2BP01).
 */
final class ReferencedTables {
    private final Planner planner;

    ReferencedTables(Planner planner) {
        this.planner = planner;
    }

    /** DROP INDEX of a UNIQUE index a FOREIGN KEY relies on: 2BP01, as in PostgreSQL. */
    void refuseDropIndex(PlannedStatement.QualifiedName name) {
        var catalog = planner.catalog();
        for (var table : catalog.tables()) {
            var index = table.def().schema().equals(name.schema()) ? table.index(name.name()) : null;
            if (index == null || index.def().constraint()) {
                continue; // a constraint's index: the transaction says which constraint requires it
            }
            List<String> dependents = ForeignKeyDefinition.dependentsOfIndex(catalog, table.def(), index.def());
            if (!dependents.isEmpty()) {
                throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index " + name.name()
                        + " because other objects depend on it", String.join("\n", dependents),
                        "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
            }
        }
    }

    /**
     * The tables TRUNCATE empties: those named, and with CASCADE the tables that reference them
     * (NOTICE per table added); without CASCADE a table referenced from outside the list fails
     * with 0A000, as in PostgreSQL (heap_truncate_check_FKs).
     */
    List<TableDef> truncated(PlannedStatement.Truncate truncate, List<Notice> notices) {
        var catalog = planner.catalog();
        List<TableDef> tables = new ArrayList<>();
        for (PlannedStatement.QualifiedName name : truncate.names()) {
            TableDef def = planner.table(name);
            if (tables.stream().noneMatch(t -> t.id() == def.id())) {
                tables.add(def);
            }
        }
        for (int i = 0; i < tables.size(); i++) {
            for (var reference : ForeignKeyDefinition.referencesFromOthers(catalog, tables.get(i))) {
                TableDef referencing = reference.referencing().def();
                if (tables.stream().anyMatch(t -> t.id() == referencing.id())) {
                    continue;
                }
                if (!truncate.cascade()) {
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot truncate a table referenced in a foreign key constraint",
                            "Table \"" + referencing.name() + "\" references \"" + tables.get(i).name() + "\".",
                            "Truncate table \"" + referencing.name() + "\" at the same time, or use TRUNCATE ... CASCADE.", 0, null);
                }
                notices.add(Notice.notice("truncate cascades to table \"" + referencing.name() + "\""));
                tables.add(referencing);
            }
        }
        return tables;
    }

    /**
     * DROP TABLE of tables other tables' FOREIGN KEYs reference: 2BP01 (dependency.c's words), or
     * with CASCADE those constraints go first, each with a NOTICE. Constraints of tables dropped
     * by the same statement go with their tables.
     */
    List<Notice> beforeDropTable(Transaction transaction, PlannedStatement.DropTable drop) {
        var catalog = planner.catalog();
        List<Long> dropped = new ArrayList<>();
        for (PlannedStatement.QualifiedName name : drop.names()) {
            TableDef def = planner.table(name);
            if (def != null) {
                dropped.add(def.id());
            }
        }
        List<Notice> notices = new ArrayList<>();
        for (PlannedStatement.QualifiedName name : drop.names()) {
            TableDef def = planner.table(name);
            if (def == null) {
                continue;
            }
            List<String> dependents = new ArrayList<>();
            List<dev.amelie.compute.catalog.Catalog.Reference> references = new ArrayList<>();
            for (var reference : ForeignKeyDefinition.referencesFromOthers(catalog, def)) {
                if (!dropped.contains(reference.referencing().def().id())) {
                    references.add(reference);
                    dependents.add("constraint " + reference.key().name() + " on table " + reference.referencing().def().name());
                }
            }
            if (references.isEmpty()) {
                continue;
            }
            if (!drop.cascade()) {
                throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, drop.names().size() > 1
                        ? "cannot drop desired object(s) because other objects depend on them"
                        : "cannot drop table " + def.name() + " because other objects depend on it",
                        String.join("\n", dependents.stream().map(d -> d + " depends on table " + def.name()).toList()),
                        "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
            }
            for (var reference : references) {
                ForeignKeyDefinition.drop(transaction, planner.table(new PlannedStatement.QualifiedName(
                        reference.referencing().def().schema(), reference.referencing().def().name())), reference.key().name());
            }
            if (dependents.size() == 1) {
                notices.add(Notice.notice("drop cascades to " + dependents.getFirst()));
            } else {
                notices.add(Notice.notice("drop cascades to " + dependents.size() + " other objects",
                        "drop cascades to " + String.join("\ndrop cascades to ", dependents)));
            }
            catalog = planner.catalog();
        }
        return notices;
    }
}
