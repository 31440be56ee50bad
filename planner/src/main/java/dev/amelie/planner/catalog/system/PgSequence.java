package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_sequence: Every sequence's parameters. */
final class PgSequence extends CatalogRelation {
    PgSequence() {
        super(CatalogRelations.PG_CATALOG, "pg_sequence",
                "seqrelid", SqlType.OID, "seqtypid", SqlType.OID, "seqstart", SqlType.BIGINT,
                "seqincrement", SqlType.BIGINT, "seqmax", SqlType.BIGINT, "seqmin", SqlType.BIGINT,
                "seqcache", SqlType.BIGINT, "seqcycle", SqlType.BOOLEAN);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.sequence() != null) {
                rows.add(row().set("seqrelid", relation.oid()).set("seqtypid", 20L).set("seqstart", relation.sequence().start())
                        .set("seqincrement", relation.sequence().increment()).set("seqmax", relation.sequence().maxValue())
                        .set("seqmin", relation.sequence().minValue()).set("seqcache", 1L)
                        .set("seqcycle", relation.sequence().cycle()).values());
            }
        }
        return rows;
    }
}
