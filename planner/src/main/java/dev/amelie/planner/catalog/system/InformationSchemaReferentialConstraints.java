package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ForeignKey;
import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/** information_schema.referential_constraints: each foreign key with the unique constraint it references and its actions. */
final class InformationSchemaReferentialConstraints extends CatalogRelation {
    InformationSchemaReferentialConstraints() {
        super(CatalogRelations.INFORMATION_SCHEMA, "referential_constraints",
                "constraint_catalog", NAME, "constraint_schema", NAME, "constraint_name", NAME,
                "unique_constraint_catalog", NAME, "unique_constraint_schema", NAME, "unique_constraint_name", NAME,
                "match_option", InformationSchema.CHARACTER_DATA, "update_rule", InformationSchema.CHARACTER_DATA,
                "delete_rule", InformationSchema.CHARACTER_DATA);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Constraint constraint : contents.constraints()) {
            if (constraint.type() != 'f') {
                continue;
            }
            ForeignKey key = constraint.foreignKey();
            boolean referencesConstraint = constraint.index() != null && constraint.referenced() != null;
            rows.add(row().set("constraint_catalog", SystemView.DATABASE).set("constraint_schema", constraint.table().schema())
                    .set("constraint_name", constraint.name())
                    .set("unique_constraint_catalog", referencesConstraint ? SystemView.DATABASE : null)
                    .set("unique_constraint_schema", referencesConstraint ? constraint.referenced().schema() : null)
                    .set("unique_constraint_name", referencesConstraint ? constraint.index().name() : null)
                    // MATCH SIMPLE, the default and the only kind we have, is NONE here.
                    .set("match_option", "NONE").set("update_rule", rule(key.onUpdate()))
                    .set("delete_rule", rule(key.onDelete())).values());
        }
        return rows;
    }

    private static String rule(ForeignKey.Action action) {
        return action == null ? "NO ACTION" : action.sql();
    }
}
