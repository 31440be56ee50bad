package dev.amelie.planner.catalog.system;

import dev.amelie.vm.value.SqlArray;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_index: Every index, the primary key's too; indkey holds column numbers from 1. */
final class PgIndex extends CatalogRelation {
    PgIndex() {
        super(CatalogRelations.PG_CATALOG, "pg_index",
                "indexrelid", SqlType.OID, "indrelid", SqlType.OID, "indnatts", SqlType.SMALLINT,
                "indnkeyatts", SqlType.SMALLINT, "indisunique", SqlType.BOOLEAN,
                "indnullsnotdistinct", SqlType.BOOLEAN, "indisprimary", SqlType.BOOLEAN,
                "indisexclusion", SqlType.BOOLEAN, "indimmediate", SqlType.BOOLEAN,
                "indisclustered", SqlType.BOOLEAN, "indisvalid", SqlType.BOOLEAN, "indcheckxmin", SqlType.BOOLEAN,
                "indisready", SqlType.BOOLEAN, "indislive", SqlType.BOOLEAN, "indisreplident", SqlType.BOOLEAN,
                "indkey", SqlType.SMALLINT_ARRAY, "indcollation", SqlType.OID_ARRAY, "indclass", SqlType.OID_ARRAY,
                "indoption", SqlType.SMALLINT_ARRAY, "indexprs", SqlType.TEXT, "indpred", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Index index : contents.indexes()) {
            Object[] keys = new Object[index.columns().length];
            Object[] zeros = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (short) (index.columns()[i] + 1);
                zeros[i] = (short) 0;
            }
            rows.add(row().set("indexrelid", index.oid()).set("indrelid", dev.amelie.planner.catalog.RelationOids.of(index.table()))
                    .set("indnatts", (short) keys.length).set("indnkeyatts", (short) keys.length)
                    .set("indisunique", index.unique()).set("indisprimary", index.primary()).set("indimmediate", true)
                    .set("indisvalid", true).set("indisready", true).set("indislive", true)
                    .set("indkey", new SqlArray(keys)).set("indoption", new SqlArray(zeros))
                    .set("indcollation", new SqlArray(new Object[keys.length])).set("indclass", new SqlArray(new Object[keys.length]))
                    .values());
        }
        return rows;
    }
}
