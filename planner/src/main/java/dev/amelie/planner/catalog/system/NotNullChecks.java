package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The NOT NULL columns of the tables as information_schema shows them: PostgreSQL 15 has no
 * constraint for them, so information_schema.sql makes up a CHECK named
 * {@code <schema oid>_<table oid>_<column number>_not_null} with the clause
 * {@code <column> IS NOT NULL} (table_constraints, check_constraints). Key columns count: a
 * primary key makes its columns NOT NULL.
 */
final class NotNullChecks {
    /** One NOT NULL column of a table. */
    record Check(CatalogContents.Relation table, ColumnDef column, String name) {
        String clause() {
            return ObjectDefinitions.quote(column.name()) + " IS NOT NULL";
        }
    }

    private NotNullChecks() {}

    static List<Check> of(CatalogContents contents) {
        List<Check> checks = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            TableDef table = relation.table();
            if (relation.kind() != 'r' || table == null) {
                continue;
            }
            for (int i = 0; i < table.columns().size(); i++) {
                ColumnDef column = table.columns().get(i);
                if (column.notNull() || table.isKeyColumn(i)) {
                    checks.add(new Check(relation, column,
                            relation.namespace(contents) + "_" + relation.oid() + "_" + (i + 1) + "_not_null"));
                }
            }
        }
        return checks;
    }
}
