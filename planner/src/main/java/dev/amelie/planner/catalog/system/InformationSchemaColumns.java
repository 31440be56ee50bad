package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.columns: The columns of every table and view, with their types described
 * as the standard does ({@link InformationSchemaTypes}) and defaults as pg_get_expr shows them.
 * A key column is NOT NULL, as a primary key makes it in PostgreSQL. No identity or generated
 * columns exist here; a serial column is a default of nextval.
 */
final class InformationSchemaColumns extends CatalogRelation {
    InformationSchemaColumns() {
        super(CatalogRelations.INFORMATION_SCHEMA, "columns",
                "table_catalog", NAME, "table_schema", NAME, "table_name", NAME, "column_name", NAME,
                "ordinal_position", SqlType.INTEGER, "column_default", SqlType.TEXT, "is_nullable", SqlType.TEXT,
                "data_type", SqlType.TEXT, "character_maximum_length", SqlType.INTEGER,
                "character_octet_length", SqlType.INTEGER, "numeric_precision", SqlType.INTEGER,
                "numeric_precision_radix", SqlType.INTEGER, "numeric_scale", SqlType.INTEGER,
                "datetime_precision", SqlType.INTEGER, "interval_type", SqlType.TEXT, "interval_precision", SqlType.INTEGER,
                "character_set_catalog", NAME, "character_set_schema", NAME, "character_set_name", NAME,
                "collation_catalog", NAME, "collation_schema", NAME, "collation_name", NAME,
                "domain_catalog", NAME, "domain_schema", NAME, "domain_name", NAME,
                "udt_catalog", NAME, "udt_schema", NAME, "udt_name", NAME,
                "scope_catalog", NAME, "scope_schema", NAME, "scope_name", NAME,
                "maximum_cardinality", SqlType.INTEGER, "dtd_identifier", NAME, "is_self_referencing", SqlType.TEXT,
                "is_identity", SqlType.TEXT, "identity_generation", SqlType.TEXT, "identity_start", SqlType.TEXT,
                "identity_increment", SqlType.TEXT, "identity_maximum", SqlType.TEXT, "identity_minimum", SqlType.TEXT,
                "identity_cycle", SqlType.TEXT, "is_generated", SqlType.TEXT, "generation_expression", SqlType.TEXT,
                "is_updatable", SqlType.TEXT);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.kind() != 'r' && relation.kind() != 'v') {
                continue;
            }
            boolean table = relation.table() != null;
            List<ColumnDef> columns = contents.columns(relation);
            for (int i = 0; i < columns.size(); i++) {
                ColumnDef column = columns.get(i);
                boolean notNull = table && (column.notNull() || relation.table().isKeyColumn(i));
                rows.add(row().set("table_catalog", SystemView.DATABASE).set("table_schema", relation.schema())
                        .set("table_name", relation.name()).set("column_name", column.name())
                        .set("ordinal_position", i + 1)
                        .set("column_default", table && column.defaultSql() != null
                                ? ObjectDefinitions.defaultExpression(column) : null)
                        .set("is_nullable", notNull ? "NO" : "YES")
                        .set("data_type", InformationSchemaTypes.dataType(column))
                        .set("character_maximum_length", InformationSchemaTypes.characterMaximumLength(column))
                        .set("character_octet_length", InformationSchemaTypes.characterOctetLength(column))
                        .set("numeric_precision", InformationSchemaTypes.numericPrecision(column))
                        .set("numeric_precision_radix", InformationSchemaTypes.numericPrecisionRadix(column))
                        .set("numeric_scale", InformationSchemaTypes.numericScale(column))
                        .set("datetime_precision", InformationSchemaTypes.datetimePrecision(column))
                        .set("interval_precision", null)
                        .set("udt_catalog", SystemView.DATABASE).set("udt_schema", CatalogRelations.PG_CATALOG)
                        .set("udt_name", InformationSchemaTypes.udtName(column))
                        .set("maximum_cardinality", null)
                        .set("dtd_identifier", Integer.toString(i + 1)).set("is_self_referencing", "NO")
                        .set("is_identity", "NO").set("identity_cycle", "NO").set("is_generated", "NEVER")
                        .set("is_updatable", table ? "YES" : "NO").values());
            }
        }
        return rows;
    }
}
