package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/** pg_catalog.pg_database: The one database; every name a client connects with reaches it. */
final class PgDatabase extends CatalogRelation {
    PgDatabase() {
        super(CatalogRelations.PG_CATALOG, "pg_database",
                "oid", SqlType.OID, "datname", NAME, "datdba", SqlType.OID, "encoding", SqlType.INTEGER,
                "datlocprovider", CHAR, "datistemplate", SqlType.BOOLEAN, "datallowconn", SqlType.BOOLEAN,
                "datconnlimit", SqlType.INTEGER, "datfrozenxid", SqlType.TEXT, "datminmxid", SqlType.TEXT,
                "dattablespace", SqlType.OID, "datcollate", SqlType.TEXT, "datctype", SqlType.TEXT,
                "daticulocale", SqlType.TEXT, "datcollversion", SqlType.TEXT, "datacl", SqlType.TEXT_ARRAY);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        return List.<Object[]>of(row().set("oid", dev.amelie.planner.catalog.SystemView.DATABASE_OID)
                .set("datname", dev.amelie.planner.catalog.SystemView.DATABASE).set("datdba", Roles.OWNER)
                .set("encoding", 6).set("datlocprovider", "c").set("datallowconn", true).set("datconnlimit", -1)
                .set("datfrozenxid", "0").set("datminmxid", "1").set("dattablespace", Tablespaces.DEFAULT)
                .set("datcollate", "C").set("datctype", "C").values());
    }
}
