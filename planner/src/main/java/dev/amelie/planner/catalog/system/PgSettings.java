package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * pg_catalog.pg_settings: the preset options (context internal), which no session can change
 * and which are the same for every session, so the catalog can answer them. Clients read them
 * from here: pgjdbc's DatabaseMetaData asks for max_index_keys before it lists foreign keys.
 * The settings a session can change are SHOW's and current_setting's (pgwire's SessionParameters).
 */
final class PgSettings extends CatalogRelation {
    /** name, setting, vartype, short_desc: PostgreSQL 15's, for a server built with its defaults. */
    private static final String[][] PRESET = {
            {"block_size", "8192", "integer", "Shows the size of a disk block."},
            {"integer_datetimes", "on", "bool", "Shows whether datetimes are integer based."},
            {"max_function_args", "100", "integer", "Shows the maximum number of function arguments."},
            {"max_identifier_length", "63", "integer", "Shows the maximum identifier length."},
            {"max_index_keys", "32", "integer", "Shows the maximum number of index keys."},
            {"server_encoding", "UTF8", "string", "Shows the server (database) character set encoding."},
            {"wal_block_size", "8192", "integer", "Shows the block size in the write ahead log."},
    };

    PgSettings() {
        super(CatalogRelations.PG_CATALOG, "pg_settings",
                "name", SqlType.TEXT, "setting", SqlType.TEXT, "unit", SqlType.TEXT, "category", SqlType.TEXT,
                "short_desc", SqlType.TEXT, "extra_desc", SqlType.TEXT, "context", SqlType.TEXT,
                "vartype", SqlType.TEXT, "source", SqlType.TEXT, "min_val", SqlType.TEXT,
                "max_val", SqlType.TEXT, "enumvals", SqlType.TEXT_ARRAY, "boot_val", SqlType.TEXT,
                "reset_val", SqlType.TEXT, "sourcefile", SqlType.TEXT, "sourceline", SqlType.INTEGER,
                "pending_restart", SqlType.BOOLEAN);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (String[] setting : PRESET) {
            boolean integer = setting[2].equals("integer");
            rows.add(row().set("name", setting[0]).set("setting", setting[1]).set("category", "Preset Options")
                    .set("short_desc", setting[3]).set("context", "internal").set("vartype", setting[2])
                    .set("source", "default").set("min_val", integer ? setting[1] : null)
                    .set("max_val", integer ? setting[1] : null).set("boot_val", setting[1])
                    .set("reset_val", setting[1]).set("sourceline", null).values());
        }
        return rows;
    }
}
