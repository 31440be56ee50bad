package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_sequences: Every sequence with its parameters (last_value: null until used, as in a new session of PostgreSQL). */
final class PgSequences extends CatalogRelation {
    PgSequences() {
        super(CatalogRelations.PG_CATALOG, "pg_sequences",
                "schemaname", NAME, "sequencename", NAME, "sequenceowner", NAME, "data_type", SqlType.OID,
                "start_value", SqlType.BIGINT, "min_value", SqlType.BIGINT, "max_value", SqlType.BIGINT,
                "increment_by", SqlType.BIGINT, "cycle", SqlType.BOOLEAN, "cache_size", SqlType.BIGINT,
                "last_value", SqlType.BIGINT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.sequence() != null) {
                rows.add(row().set("schemaname", relation.schema()).set("sequencename", relation.name())
                        .set("sequenceowner", Roles.NAME).set("data_type", 20L).set("start_value", relation.sequence().start())
                        .set("min_value", relation.sequence().minValue()).set("max_value", relation.sequence().maxValue())
                        .set("increment_by", relation.sequence().increment()).set("cycle", relation.sequence().cycle())
                        .set("cache_size", 1L).set("last_value", null).values());
            }
        }
        return rows;
    }
}
