package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.table_constraints: Primary keys, unique constraints, foreign keys and checks,
 * then the NOT NULL columns as the checks PostgreSQL makes up for them ({@link NotNullChecks}).
 * None is deferrable; nulls_distinct is said of unique constraints only, as PostgreSQL 15 does.
 */
final class InformationSchemaTableConstraints extends CatalogRelation {
    InformationSchemaTableConstraints() {
        super(CatalogRelations.INFORMATION_SCHEMA, "table_constraints",
                "constraint_catalog", NAME, "constraint_schema", NAME, "constraint_name", NAME,
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME, "constraint_type", SqlType.TEXT,
                "is_deferrable", SqlType.TEXT, "initially_deferred", SqlType.TEXT, "enforced", SqlType.TEXT,
                "nulls_distinct", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Constraint constraint : contents.constraints()) {
            rows.add(row(constraint.table().schema(), constraint.name(), constraint.table().name(), switch (constraint.type()) {
                case 'p' -> "PRIMARY KEY";
                case 'u' -> "UNIQUE";
                case 'f' -> "FOREIGN KEY";
                default -> "CHECK";
            }).set("nulls_distinct", constraint.type() == 'u' ? "YES" : null).values());
        }
        for (NotNullChecks.Check check : NotNullChecks.of(contents)) {
            rows.add(row(check.table().schema(), check.name(), check.table().name(), "CHECK").values());
        }
        return rows;
    }

    private Row row(String schema, String name, String table, String type) {
        return row().set("constraint_catalog", SystemView.DATABASE).set("constraint_schema", schema)
                .set("constraint_name", name).set("table_catalog", SystemView.DATABASE).set("table_schema", schema)
                .set("table_name", table).set("constraint_type", type).set("is_deferrable", "NO")
                .set("initially_deferred", "NO").set("enforced", "YES");
    }
}
