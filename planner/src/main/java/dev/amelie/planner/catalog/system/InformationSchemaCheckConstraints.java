package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/** information_schema.check_constraints: CHECK constraints with their clause, then NOT NULL as {@code column IS NOT NULL}. */
final class InformationSchemaCheckConstraints extends CatalogRelation {
    InformationSchemaCheckConstraints() {
        super(CatalogRelations.INFORMATION_SCHEMA, "check_constraints",
                "constraint_catalog", NAME, "constraint_schema", NAME, "constraint_name", NAME,
                "check_clause", InformationSchema.CHARACTER_DATA);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Constraint constraint : contents.constraints()) {
            if (constraint.type() == 'c') {
                // pg_get_constraintdef's text after "CHECK ", as PostgreSQL's view takes it.
                rows.add(row(constraint.table().schema(), constraint.name(),
                        ObjectDefinitions.constraintDefinition(constraint, false).substring("CHECK ".length())));
            }
        }
        for (NotNullConstraints.NotNull notNull : NotNullConstraints.of(contents)) {
            rows.add(row(notNull.table().schema(), notNull.name(), ObjectDefinitions.quote(notNull.column()) + " IS NOT NULL"));
        }
        return rows;
    }

    private Object[] row(String schema, String name, String clause) {
        return row().set("constraint_catalog", SystemView.DATABASE).set("constraint_schema", schema)
                .set("constraint_name", name).set("check_clause", clause).values();
    }
}
