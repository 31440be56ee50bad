package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The NOT NULL columns of the tables as information_schema shows them: PostgreSQL 15 lists each
 * as a CHECK constraint named {@code <schema oid>_<table oid>_<attnum>_not_null} with the clause
 * {@code <column> IS NOT NULL} (information_schema.sql, table_constraints and check_constraints).
 */
final class NotNullConstraints {
    record NotNull(CatalogContents.Relation table, String name, String column) {}

    private NotNullConstraints() {}

    static List<NotNull> of(CatalogContents contents) {
        List<NotNull> found = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.kind() != 'r' || relation.table() == null) {
                continue;
            }
            List<ColumnDef> columns = relation.table().columns();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).notNull() || relation.table().isKeyColumn(i)) {
                    found.add(new NotNull(relation, relation.namespace(contents) + "_" + relation.oid() + "_" + (i + 1)
                            + "_not_null", columns.get(i).name()));
                }
            }
        }
        return found;
    }
}
