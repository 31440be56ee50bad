package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;

import java.util.ArrayList;
import java.util.List;

/**
 * pg_catalog.pg_depend: the dependencies clients look for, those of serial columns. As in
 * PostgreSQL, a serial column's sequence is owned by the column (deptype a, auto) and the
 * column's default depends on the sequence (deptype n, normal): Django finds a table's
 * sequences through the second. The other dependencies PostgreSQL records are not listed.
 */
final class PgDepend extends CatalogRelation {
    /** pg_class's and pg_attrdef's OIDs: classid and refclassid say which catalog objid is a row of. */
    private static final long PG_CLASS = 1259;
    private static final long PG_ATTRDEF = 2604;

    PgDepend() {
        super(CatalogRelations.PG_CATALOG, "pg_depend",
                "classid", dev.amelie.vm.type.SqlType.OID, "objid", dev.amelie.vm.type.SqlType.OID,
                "objsubid", dev.amelie.vm.type.SqlType.INTEGER, "refclassid", dev.amelie.vm.type.SqlType.OID,
                "refobjid", dev.amelie.vm.type.SqlType.OID, "refobjsubid", dev.amelie.vm.type.SqlType.INTEGER,
                "deptype", CHAR);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.table() == null) {
                continue;
            }
            List<ColumnDef> columns = relation.table().columns();
            for (int i = 0; i < columns.size(); i++) {
                ColumnDef column = columns.get(i);
                CatalogContents.Relation sequence = column.ownedSequence() == null ? null
                        : sequence(contents, relation.schema(), column.ownedSequence());
                if (sequence == null) {
                    continue;
                }
                rows.add(row().set("classid", PG_CLASS).set("objid", sequence.oid()).set("refclassid", PG_CLASS)
                        .set("refobjid", relation.oid()).set("refobjsubid", i + 1).set("deptype", "a").values());
                if (column.defaultSql() != null) {
                    rows.add(row().set("classid", PG_ATTRDEF).set("objid", contents.defaultOid(relation.table(), i))
                            .set("refclassid", PG_CLASS).set("refobjid", sequence.oid()).set("deptype", "n").values());
                }
            }
        }
        return rows;
    }

    private static CatalogContents.Relation sequence(CatalogContents contents, String schema, String name) {
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.sequence() != null && relation.schema().equals(schema) && relation.name().equals(name)) {
                return relation;
            }
        }
        return null;
    }
}
