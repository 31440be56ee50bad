package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ForeignKey;
import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.referential_constraints: Each foreign key with the unique constraint it
 * references (the referenced table's key, whose name is its index's), MATCH SIMPLE (which the
 * standard calls NONE) and its rules.
 */
final class InformationSchemaReferentialConstraints extends CatalogRelation {
    InformationSchemaReferentialConstraints() {
        super(CatalogRelations.INFORMATION_SCHEMA, "referential_constraints",
                "constraint_catalog", NAME, "constraint_schema", NAME, "constraint_name", NAME,
                "unique_constraint_catalog", NAME, "unique_constraint_schema", NAME, "unique_constraint_name", NAME,
                "match_option", SqlType.TEXT, "update_rule", SqlType.TEXT, "delete_rule", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Constraint constraint : contents.constraints()) {
            ForeignKey key = constraint.foreignKey();
            if (key == null) {
                continue;
            }
            boolean referenced = constraint.index() != null && constraint.index().constraint();
            rows.add(row().set("constraint_catalog", SystemView.DATABASE)
                    .set("constraint_schema", constraint.table().schema()).set("constraint_name", constraint.name())
                    .set("unique_constraint_catalog", referenced ? SystemView.DATABASE : null)
                    .set("unique_constraint_schema", referenced ? constraint.index().table().schema() : null)
                    .set("unique_constraint_name", referenced ? constraint.index().name() : null)
                    .set("match_option", "NONE").set("update_rule", rule(key.onUpdate()))
                    .set("delete_rule", rule(key.onDelete())).values());
        }
        return rows;
    }

    private static String rule(ForeignKey.Action action) {
        return (action == null ? ForeignKey.Action.NO_ACTION : action).sql();
    }
}
