package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.RelationName;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.value.RegClass;
import dev.amelie.vm.value.SqlArray;

import java.math.BigDecimal;
import java.util.List;

/**
 * The catalog functions clients call in their catalog queries ({@link Function.Area#CATALOG}),
 * answered from one {@link CatalogContents}. has_table_privilege and has_schema_privilege answer
 * from the catalog's privileges; the other privilege functions say yes; there are no comments on objects, so the description functions
 * say NULL, as PostgreSQL does for an object without one.
 */
public final class CatalogFunctions {
    /** What version() says: PostgreSQL's form, so that tools parsing it find 15. */
    public static final String VERSION = "PostgreSQL 15.0 (Amelie for Java) on x86_64-pc-linux-gnu, compiled by javac, 64-bit";
    /** The schemas searched, in order, when a name has none (search_path "$user", public). */
    private static final List<String> SEARCH_PATH = List.of(Catalog.SYSTEM_SCHEMA, Catalog.DEFAULT_SCHEMA);

    private CatalogFunctions() {}

    /**
     * {@code searchPath}: the schemas of the session's search_path that exist ({@link SearchPath}),
     * for current_schema and current_schemas; {@code currentUser}: the session's current role, whose
     * privileges has_*_privilege answers for by default.
     */
    public static Object call(Function function, Object[] args, CatalogContents contents, java.time.Instant started,
                              List<String> searchPath, String currentUser) {
        return switch (function) {
            case PG_TABLE_IS_VISIBLE -> args[0] == null ? null : visible(contents.relation(oid(args[0])));
            case PG_TYPE_IS_VISIBLE -> args[0] == null ? null : PgTypes.of(oid(args[0])) != null;
            case PG_FUNCTION_IS_VISIBLE -> args[0] == null ? null : true;
            case PG_GET_USERBYID -> args[0] == null ? null : Roles.name(contents, oid(args[0]));
            case HAS_TABLE_PRIVILEGE, HAS_SCHEMA_PRIVILEGE -> PrivilegeFunctions.has(function == Function.HAS_SCHEMA_PRIVILEGE,
                    args, contents, currentUser);
            case FORMAT_TYPE -> args[0] == null ? null : PgTypes.format(oid(args[0]), args[1] == null ? -1 : ((Number) args[1]).intValue());
            case PG_GET_INDEXDEF -> indexDefinition(args, contents);
            case PG_GET_CONSTRAINTDEF -> {
                CatalogContents.Constraint constraint = args[0] == null ? null : contents.constraint(oid(args[0]));
                yield constraint == null ? null : ObjectDefinitions.constraintDefinition(constraint,
                        args.length > 1 && Boolean.TRUE.equals(args[1]));
            }
            // adbin and conbin hold the expression's text already (PgAttrdef, PgConstraint).
            case PG_GET_EXPR -> args[0];
            case PG_GET_VIEWDEF -> viewDefinition(args[0], contents);
            case OBJ_DESCRIPTION, COL_DESCRIPTION, SHOBJ_DESCRIPTION, PG_GET_STATISTICSOBJDEF_COLUMNS, PG_GET_TRIGGERDEF,
                 PG_GET_PARTKEYDEF -> null;
            case PG_GET_FUNCTION_ARGUMENTS, PG_GET_FUNCTION_IDENTITY_ARGUMENTS -> {
                PgProc.Procedure procedure = args[0] == null ? null : PgProc.procedure(oid(args[0]));
                yield procedure == null ? null : PgProc.arguments(procedure);
            }
            case PG_GET_FUNCTION_RESULT -> {
                PgProc.Procedure procedure = args[0] == null ? null : PgProc.procedure(oid(args[0]));
                yield procedure == null ? null : PgProc.result(procedure);
            }
            case PG_ENCODING_TO_CHAR -> args[0] == null ? null : encoding(((Number) args[0]).intValue());
            case PG_GET_SERIAL_SEQUENCE -> serialSequence(args, contents);
            case TO_REGCLASS -> args[0] == null ? null : regclass(args[0].toString(), contents);
            case PG_RELATION_IS_PUBLISHABLE, PG_IS_IN_RECOVERY -> false;
            case HAS_PRIVILEGE -> true;
            case PG_TABLE_SIZE -> args[0] == null || contents.relation(oid(args[0])) == null ? null : 0L;
            case PG_SIZE_PRETTY -> args[0] == null ? null : sizePretty(new BigDecimal(args[0].toString()));
            case VERSION -> VERSION;
            case CURRENT_SCHEMAS -> args[0] == null ? null : new SqlArray(Boolean.TRUE.equals(args[0])
                    ? SearchPath.withImplicit(searchPath).toArray() : searchPath.toArray());
            case CURRENT_SCHEMA -> searchPath.isEmpty() ? null : searchPath.getFirst();
            case OIDVECTORTYPES -> args[0] == null ? null : typeNames((SqlArray) args[0]);
            case PG_POSTMASTER_START_TIME -> started;
            case REGCLASS_OF -> regclassOf(args[0], contents);
            case PG_PARTITION_ANCESTRY -> args[0] == null ? null : new SqlArray(new Object[0]);
            case PG_GET_FUNCTIONDEF, PG_GET_RULEDEF -> null;
            case PG_TABLESPACE_LOCATION -> args[0] == null ? null : "";
            case PG_STAT_GET_NUMSCANS -> args[0] == null ? null : 0L;
            case PG_DATABASE_SIZE -> databaseSize(args[0]);
            default -> throw new IllegalStateException(function.name());
        };
    }

    /** pg_database_size: the rows live in memory, so the one database takes no space on disk (3D000 for any other). */
    private static Long databaseSize(Object database) {
        if (database == null) {
            return null;
        }
        boolean ours = database instanceof Number number ? number.longValue() == dev.amelie.planner.catalog.SystemView.DATABASE_OID
                : database.toString().equals(dev.amelie.planner.catalog.SystemView.DATABASE);
        if (!ours) {
            throw new SqlException(SqlState.UNDEFINED_DATABASE, database instanceof Number
                    ? "database with OID " + database + " does not exist" : "database \"" + database + "\" does not exist");
        }
        return 0L;
    }

    private static String typeNames(SqlArray oids) {
        StringBuilder names = new StringBuilder();
        for (Object oid : oids.elements()) {
            if (!names.isEmpty()) {
                names.append(", ");
            }
            names.append(oid == null ? "-" : PgTypes.format(oid(oid), -1));
        }
        return names.toString();
    }

    private static long oid(Object value) {
        return value instanceof RegClass regclass ? regclass.oid() : ((Number) value).longValue();
    }

    /** pg_table_is_visible: on the search path and the first of its name there. */
    private static boolean visible(CatalogContents.Relation relation) {
        return relation != null && SEARCH_PATH.contains(relation.schema());
    }

    private static String indexDefinition(Object[] args, CatalogContents contents) {
        CatalogContents.Index index = args[0] == null ? null : contents.index(oid(args[0]));
        if (index == null) {
            return null;
        }
        int column = args.length > 1 && args[1] != null ? ((Number) args[1]).intValue() : 0;
        return column == 0 ? ObjectDefinitions.indexDefinition(index) : ObjectDefinitions.indexColumn(index, column);
    }

    private static String viewDefinition(Object view, CatalogContents contents) {
        if (view == null) {
            return null;
        }
        CatalogContents.Relation relation = view instanceof String name ? regclassRelation(name, contents)
                : contents.relation(oid(view));
        return relation == null || relation.view() == null ? null : ObjectDefinitions.viewDefinition(relation.view());
    }

    private static String encoding(int number) {
        return switch (number) {
            case 0 -> "SQL_ASCII";
            case 6 -> "UTF8";
            case 8 -> "LATIN1";
            default -> "";
        };
    }

    /** pg_get_serial_sequence(table, column): the sequence a serial or identity column draws from, qualified. */
    private static String serialSequence(Object[] args, CatalogContents contents) {
        if (args[0] == null || args[1] == null) {
            return null;
        }
        CatalogContents.Relation relation = regclassRelation(args[0].toString(), contents);
        if (relation == null) {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + args[0] + "\" does not exist");
        }
        String columnName = args[1].toString();
        for (ColumnDef column : contents.columns(relation)) {
            if (column.name().equals(columnName)) {
                return column.ownedSequence() == null ? null
                        : ObjectDefinitions.quote(relation.schema()) + "." + ObjectDefinitions.quote(column.ownedSequence());
            }
        }
        throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + columnName + "\" of relation \""
                + relation.name() + "\" does not exist");
    }

    /**
     * x::regclass: an OID names the relation it is (shown by its name, qualified when its schema
     * is not searched; an OID no relation has shows as the number), a text its relation (42P01 if none).
     */
    private static RegClass regclassOf(Object value, CatalogContents contents) {
        if (value == null || value instanceof RegClass) {
            return (RegClass) value;
        }
        if (value instanceof Number number) {
            CatalogContents.Relation relation = contents.relation(number.longValue());
            if (relation == null) {
                return new RegClass(number.longValue(), Long.toString(number.longValue()));
            }
            return shown(relation);
        }
        String text = value.toString().strip();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return regclassOf(Long.parseLong(text), contents);
        }
        RegClass found = regclass(text, contents);
        if (found == null) {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + text + "\" does not exist");
        }
        return found;
    }

    private static RegClass regclass(String text, CatalogContents contents) {
        CatalogContents.Relation relation = regclassRelation(text, contents);
        return relation == null ? null : shown(relation);
    }

    /** The regclass of a relation: its name, qualified when its schema is not on the search path. */
    private static RegClass shown(CatalogContents.Relation relation) {
        return new RegClass(relation.oid(), visible(relation) ? ObjectDefinitions.quote(relation.name())
                : ObjectDefinitions.quote(relation.schema()) + "." + ObjectDefinitions.quote(relation.name()));
    }

    /** A relation named as regclass input reads it: quoted or not, qualified or found on the search path. */
    static CatalogContents.Relation regclassRelation(String text, CatalogContents contents) {
        String[] name = RelationName.parse(text);
        // Unqualified (a quoted name with a dot in it aside): the first schema of the search path that has it.
        List<String> schemas = text.indexOf('.') < 0 ? SEARCH_PATH : List.of(name[0]);
        for (String schema : schemas) {
            for (CatalogContents.Relation relation : contents.relations()) {
                if (relation.name().equals(name[1]) && relation.schema().equals(schema)) {
                    return relation;
                }
            }
        }
        return null;
    }

    /** pg_size_pretty, as PostgreSQL computes it: bytes below 10 kB, then each unit below 20 of the next, rounded half away from zero. */
    private static String sizePretty(BigDecimal value) {
        long size = value.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
        if (Math.abs(size) < 10 * 1024) {
            return size + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        size >>= 9; // in half units from here on
        int unit = 0;
        while (Math.abs(size) >= 20 * 1024 - 1 && unit < units.length - 1) {
            size >>= 10;
            unit++;
        }
        return (size + (size < 0 ? -1 : 1)) / 2 + " " + units[unit];
    }
}
