package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_attrdef: Column defaults; adbin holds the text pg_get_expr shows. */
final class PgAttrdef extends CatalogRelation {
    PgAttrdef() {
        super(CatalogRelations.PG_CATALOG, "pg_attrdef",
                "oid", SqlType.OID, "adrelid", SqlType.OID, "adnum", SqlType.SMALLINT, "adbin", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.table() == null) {
                continue;
            }
            for (int i = 0; i < relation.table().columns().size(); i++) {
                ColumnDef column = relation.table().columns().get(i);
                if (column.defaultSql() != null) {
                    rows.add(row().set("oid", contents.defaultOid(relation.table(), i)).set("adrelid", relation.oid())
                            .set("adnum", (short) (i + 1)).set("adbin", ObjectDefinitions.defaultExpression(column)).values());
                }
            }
        }
        return rows;
    }
}
