package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * information_schema.constraint_column_usage: The columns each constraint uses: a key's own
 * columns, the referenced columns of a foreign key (on the referenced table), and the columns a
 * CHECK expression names (PostgreSQL finds those in pg_depend; we find the table's column names
 * among the expression's identifiers).
 */
final class InformationSchemaConstraintColumnUsage extends CatalogRelation {
    InformationSchemaConstraintColumnUsage() {
        super(CatalogRelations.INFORMATION_SCHEMA, "constraint_column_usage",
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME, "column_name", NAME,
                "constraint_catalog", NAME, "constraint_schema", NAME, "constraint_name", NAME);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Constraint constraint : contents.constraints()) {
            TableDef table = constraint.foreignKey() != null ? constraint.referenced() : constraint.table();
            if (table == null) {
                continue;
            }
            Set<String> columns = new LinkedHashSet<>();
            int[] numbers = constraint.foreignKey() != null ? constraint.foreignKey().referencedColumns() : constraint.columns();
            for (int number : numbers) {
                columns.add(table.columns().get(number).name());
            }
            if (constraint.check() != null) {
                columns.addAll(namedColumns(table, constraint.check().expression()));
            }
            for (String column : columns) {
                rows.add(row().set("table_catalog", SystemView.DATABASE).set("table_schema", table.schema())
                        .set("table_name", table.name()).set("column_name", column)
                        .set("constraint_catalog", SystemView.DATABASE)
                        .set("constraint_schema", constraint.table().schema()).set("constraint_name", constraint.name())
                        .values());
            }
        }
        return rows;
    }

    /** The table's columns an expression names, in the table's order: identifiers outside string constants. */
    private static List<String> namedColumns(TableDef table, String expression) {
        Set<String> identifiers = new LinkedHashSet<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'') {
                i = expression.indexOf('\'', i + 1);
                while (i >= 0 && i + 1 < expression.length() && expression.charAt(i + 1) == '\'') {
                    i = expression.indexOf('\'', i + 2);
                }
                i = i < 0 ? expression.length() : i + 1;
            } else if (c == '"') {
                int end = expression.indexOf('"', i + 1);
                end = end < 0 ? expression.length() : end;
                identifiers.add(expression.substring(i + 1, end));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < expression.length() && (Character.isLetterOrDigit(expression.charAt(end))
                        || expression.charAt(end) == '_' || expression.charAt(end) == '$')) {
                    end++;
                }
                identifiers.add(expression.substring(i, end).toLowerCase(java.util.Locale.ROOT));
                i = end;
            } else {
                i++;
            }
        }
        List<String> named = new ArrayList<>();
        for (var column : table.columns()) {
            if (identifiers.contains(column.name())) {
                named.add(column.name());
            }
        }
        return named;
    }
}
