package dev.amelie.planner.catalog;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.catalog.system.CatalogRelations;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;
import dev.amelie.vm.type.SqlType;

/**
 * The Calcite schema for one catalog version: schema "public" and every created schema with their tables, plus the
 * PostgreSQL type names Calcite lacks (text, int4, int8, float8, bool, …) so casts like
 * {@code '1'::int4} validate. Built once per catalog version.
 */
public final class SchemaSnapshot {
    private final long catalogVersion;
    private final CalciteSchema root;

    private SchemaSnapshot(long catalogVersion, CalciteSchema root) {
        this.catalogVersion = catalogVersion;
        this.root = root;
    }

    /** {@code parseExpression} parses column DEFAULT expressions as the planner parses SQL. */
    public static SchemaSnapshot of(Catalog catalog, java.util.function.Function<String, org.apache.calcite.sql.SqlNode> parseExpression) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        SchemaPlus publicSchema = root.plus().add(Catalog.DEFAULT_SCHEMA, new AbstractSchema());
        java.util.Map<String, SchemaPlus> schemas = new java.util.HashMap<>();
        schemas.put(Catalog.DEFAULT_SCHEMA, publicSchema);
        for (String created : catalog.createdSchemas()) {
            schemas.put(created, root.plus().add(created, new AbstractSchema()));
        }
        for (Table table : catalog.tables()) {
            schemas.get(table.def().schema()).add(table.def().name(), new CalciteTable(table.def(), parseExpression,
                    table.indexDefs()));
        }
        SchemaPlus pgCatalog = root.plus().add(SystemView.SCHEMA, new AbstractSchema());
        SchemaPlus informationSchema = root.plus().add(CatalogRelations.INFORMATION_SCHEMA, new AbstractSchema());
        for (TableDef def : HostRelations.all()) {
            CalciteTable table = new CalciteTable(def, parseExpression);
            if (def.schema().equals(CatalogRelations.INFORMATION_SCHEMA)) {
                informationSchema.add(def.name(), table);
                continue;
            }
            pgCatalog.add(def.name(), table);
            if (catalog.table(Catalog.DEFAULT_SCHEMA, def.name()) == null
                    && catalog.view(Catalog.DEFAULT_SCHEMA, def.name()) == null) {
                publicSchema.add(def.name(), table); // pg_catalog is on every search path
            }
        }
        for (SchemaPlus schema : new SchemaPlus[] {root.plus(), publicSchema, pgCatalog}) {
            addType(schema, "text", SqlTypeName.VARCHAR);
            addType(schema, "int2", SqlTypeName.SMALLINT);
            addType(schema, "int4", SqlTypeName.INTEGER);
            addType(schema, "int8", SqlTypeName.BIGINT);
            addType(schema, "float8", SqlTypeName.DOUBLE);
            addType(schema, "float4", SqlTypeName.REAL);
            addType(schema, "bool", SqlTypeName.BOOLEAN);
            addType(schema, "bpchar", SqlTypeName.VARCHAR);
            for (SqlType type : new SqlType[] {SqlType.UUID, SqlType.BYTEA, SqlType.INTERVAL, SqlType.JSON, SqlType.JSONB, SqlType.OID, SqlType.REGCLASS}) {
                schema.add(type.sqlName(), (RelDataTypeFactory factory) -> PostgresSqlType.create(factory, type));
            }
            // The other reg* types are their OID to us: casts to them validate, and their values show as numbers.
            for (String alias : new String[] {"regtype", "regnamespace", "regproc", "regprocedure", "regrole", "regoper"}) {
                schema.add(alias, (RelDataTypeFactory factory) -> PostgresSqlType.create(factory, SqlType.OID));
            }
            schema.add("timestamptz", (RelDataTypeFactory factory) ->
                    factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6));
        }
        return new SchemaSnapshot(catalog.version(), root);
    }

    private static void addType(SchemaPlus schema, String name, SqlTypeName type) {
        schema.add(name, (RelDataTypeFactory factory) -> factory.createSqlType(type));
    }

    public long catalogVersion() {
        return catalogVersion;
    }

    public CalciteSchema root() {
        return root;
    }
}
