package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.planner.catalog.SystemView;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.columns: the columns of every table and view information_schema.tables
 * lists, with PostgreSQL 15's 44 columns (knex's hasColumn and columnInfo, Prisma's introspection
 * and SQLAlchemy read them).
 */
final class InformationSchemaColumns extends CatalogRelation {
    private static final Object IDENTIFIER = NAME;
    private static final Object DATA = InformationSchema.CHARACTER_DATA;
    private static final Object NUMBER = InformationSchema.CARDINAL_NUMBER;
    private static final Object YES_OR_NO = InformationSchema.YES_OR_NO;

    InformationSchemaColumns() {
        super(CatalogRelations.INFORMATION_SCHEMA, "columns",
                "table_catalog", IDENTIFIER, "table_schema", IDENTIFIER, "table_name", IDENTIFIER,
                "column_name", IDENTIFIER, "ordinal_position", NUMBER, "column_default", DATA,
                "is_nullable", YES_OR_NO, "data_type", DATA, "character_maximum_length", NUMBER,
                "character_octet_length", NUMBER, "numeric_precision", NUMBER, "numeric_precision_radix", NUMBER,
                "numeric_scale", NUMBER, "datetime_precision", NUMBER, "interval_type", DATA,
                "interval_precision", NUMBER, "character_set_catalog", IDENTIFIER, "character_set_schema", IDENTIFIER,
                "character_set_name", IDENTIFIER, "collation_catalog", IDENTIFIER, "collation_schema", IDENTIFIER,
                "collation_name", IDENTIFIER, "domain_catalog", IDENTIFIER, "domain_schema", IDENTIFIER,
                "domain_name", IDENTIFIER, "udt_catalog", IDENTIFIER, "udt_schema", IDENTIFIER, "udt_name", IDENTIFIER,
                "scope_catalog", IDENTIFIER, "scope_schema", IDENTIFIER, "scope_name", IDENTIFIER,
                "maximum_cardinality", NUMBER, "dtd_identifier", IDENTIFIER, "is_self_referencing", YES_OR_NO,
                "is_identity", YES_OR_NO, "identity_generation", DATA, "identity_start", DATA,
                "identity_increment", DATA, "identity_maximum", DATA, "identity_minimum", DATA,
                "identity_cycle", YES_OR_NO, "is_generated", DATA, "generation_expression", DATA,
                "is_updatable", YES_OR_NO);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogContents.Relation relation : contents.relations()) {
            if (relation.kind() != 'r' && relation.kind() != 'v') {
                continue;
            }
            List<ColumnDef> columns = contents.columns(relation);
            for (int i = 0; i < columns.size(); i++) {
                ColumnDef column = columns.get(i);
                ColumnTypeFacts type = new ColumnTypeFacts(column);
                boolean notNull = column.notNull() || relation.table() != null && relation.table().isKeyColumn(i);
                rows.add(row().set("table_catalog", SystemView.DATABASE).set("table_schema", relation.schema())
                        .set("table_name", relation.name()).set("column_name", column.name())
                        .set("ordinal_position", i + 1)
                        .set("column_default", relation.table() == null || column.defaultSql() == null ? null
                                : ObjectDefinitions.defaultExpression(column))
                        .set("is_nullable", InformationSchema.yesOrNo(!notNull)).set("data_type", type.dataType())
                        .set("character_maximum_length", type.characterMaximumLength())
                        .set("character_octet_length", type.characterOctetLength())
                        .set("numeric_precision", type.numericPrecision())
                        .set("numeric_precision_radix", type.numericPrecisionRadix())
                        .set("numeric_scale", type.numericScale()).set("datetime_precision", type.datetimePrecision())
                        .set("interval_precision", null).set("maximum_cardinality", null)
                        .set("udt_catalog", SystemView.DATABASE).set("udt_schema", CatalogRelations.PG_CATALOG)
                        .set("udt_name", type.udtName()).set("dtd_identifier", String.valueOf(i + 1))
                        .set("is_self_referencing", "NO").set("is_identity", "NO").set("identity_cycle", "NO")
                        .set("is_generated", "NEVER")
                        .set("is_updatable", InformationSchema.yesOrNo(relation.kind() == 'r')).values());
            }
        }
        return rows;
    }
}
