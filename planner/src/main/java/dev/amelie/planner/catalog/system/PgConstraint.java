package dev.amelie.planner.catalog.system;

import dev.amelie.vm.value.SqlArray;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_constraint: Primary keys, unique constraints, foreign keys and checks (NOT NULL is not a constraint in PostgreSQL 15). */
final class PgConstraint extends CatalogRelation {
    PgConstraint() {
        super(CatalogRelations.PG_CATALOG, "pg_constraint",
                "oid", SqlType.OID, "conname", NAME, "connamespace", SqlType.OID, "contype", CHAR,
                "condeferrable", SqlType.BOOLEAN, "condeferred", SqlType.BOOLEAN, "convalidated", SqlType.BOOLEAN,
                "conrelid", SqlType.OID, "contypid", SqlType.OID, "conindid", SqlType.OID,
                "conparentid", SqlType.OID, "confrelid", SqlType.OID, "confupdtype", CHAR, "confdeltype", CHAR,
                "confmatchtype", CHAR, "conislocal", SqlType.BOOLEAN, "coninhcount", SqlType.INTEGER,
                "connoinherit", SqlType.BOOLEAN, "conkey", SqlType.SMALLINT_ARRAY, "confkey", SqlType.SMALLINT_ARRAY,
                "conpfeqop", SqlType.OID_ARRAY, "conppeqop", SqlType.OID_ARRAY, "conffeqop", SqlType.OID_ARRAY,
                "confdelsetcols", SqlType.SMALLINT_ARRAY, "conexclop", SqlType.OID_ARRAY, "conbin", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Constraint constraint : contents.constraints()) {
            Row row = row().set("oid", constraint.oid()).set("conname", constraint.name())
                    .set("connamespace", contents.namespaceOid(constraint.table().schema()))
                    .set("contype", String.valueOf(constraint.type())).set("convalidated", true)
                    .set("conrelid", dev.amelie.planner.catalog.RelationOids.of(constraint.table()))
                    .set("conindid", constraint.index() == null ? 0L : constraint.index().oid())
                    .set("confupdtype", " ").set("confdeltype", " ").set("confmatchtype", " ")
                    .set("conislocal", true).set("connoinherit", constraint.type() == 'c' ? false : true)
                    .set("conkey", constraint.columns().length == 0 ? null : numbers(constraint.columns()));
            if (constraint.foreignKey() != null) {
                row.set("confrelid", constraint.referenced() == null ? 0L
                                : dev.amelie.planner.catalog.RelationOids.of(constraint.referenced()))
                        .set("confupdtype", action(constraint.foreignKey().onUpdate()))
                        .set("confdeltype", action(constraint.foreignKey().onDelete()))
                        .set("confmatchtype", "s").set("confkey", numbers(constraint.foreignKey().referencedColumns()));
            }
            if (constraint.check() != null) {
                row.set("conbin", constraint.check().expression());
            }
            rows.add(row.values());
        }
        return rows;
    }

    private static SqlArray numbers(int[] columns) {
        Object[] numbers = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            numbers[i] = (short) (columns[i] + 1);
        }
        return new SqlArray(numbers);
    }

    /** confupdtype / confdeltype: a, r, c, n or d. */
    static String action(dev.amelie.compute.catalog.ForeignKey.Action action) {
        return switch (action == null ? dev.amelie.compute.catalog.ForeignKey.Action.NO_ACTION : action) {
            case NO_ACTION -> "a";
            case RESTRICT -> "r";
            case CASCADE -> "c";
            case SET_NULL -> "n";
            case SET_DEFAULT -> "d";
        };
    }
}
