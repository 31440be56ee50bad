package dev.amelie.planner.catalog.system;

import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** information_schema.check_constraints: CHECK constraints with their clause as pg_get_constraintdef writes it, then the NOT NULL columns. */
final class InformationSchemaCheckConstraints extends CatalogRelation {
    InformationSchemaCheckConstraints() {
        super(CatalogRelations.INFORMATION_SCHEMA, "check_constraints",
                "constraint_catalog", NAME, "constraint_schema", NAME, "constraint_name", NAME,
                "check_clause", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Constraint constraint : contents.constraints()) {
            if (constraint.type() == 'c') {
                String definition = ObjectDefinitions.constraintDefinition(constraint);
                rows.add(row(constraint.table().schema(), constraint.name(), definition.substring("CHECK ".length())));
            }
        }
        for (NotNullChecks.Check check : NotNullChecks.of(contents)) {
            rows.add(row(check.table().schema(), check.name(), check.clause()));
        }
        return rows;
    }

    private Object[] row(String schema, String name, String clause) {
        return row().set("constraint_catalog", SystemView.DATABASE).set("constraint_schema", schema)
                .set("constraint_name", name).set("check_clause", clause).values();
    }
}
