package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.vm.type.CharacterType;
import dev.amelie.vm.type.SqlType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of pg_type: PostgreSQL 15's OIDs, names and properties for the types this server
 * stores or clients look up, and which type a column of ours has. The OIDs are PostgreSQL's own
 * (they are fixed in its catalog), so drivers that hard-code them (pgjdbc, node-postgres) agree.
 */
public final class PgTypes {
    /**
     * One pg_type row. {@code display} is what format_type shows; {@code category} is typcategory;
     * {@code element} the element type of an array type (0 for others), {@code array} the array type of it.
     */
    public record TypeRow(long oid, String name, String display, short length, boolean byValue, String category,
                          long element, long array, String kind) {}

    private static final List<TypeRow> ROWS = List.of(
            base(16, "bool", "boolean", 1, true, "B", 1000),
            base(17, "bytea", "bytea", -1, false, "U", 1001),
            base(18, "char", "\"char\"", 1, true, "Z", 1002),
            base(19, "name", "name", 64, false, "S", 1003),
            base(20, "int8", "bigint", 8, true, "N", 1016),
            base(21, "int2", "smallint", 2, true, "N", 1005),
            base(22, "int2vector", "int2vector", -1, false, "A", 1006),
            base(23, "int4", "integer", 4, true, "N", 1007),
            base(24, "regproc", "regproc", 4, true, "N", 1008),
            base(25, "text", "text", -1, false, "S", 1009),
            base(26, "oid", "oid", 4, true, "N", 1028),
            base(27, "tid", "tid", 6, false, "U", 1010),
            base(28, "xid", "xid", 4, true, "U", 1011),
            base(29, "cid", "cid", 4, true, "U", 1012),
            base(30, "oidvector", "oidvector", -1, false, "A", 1013),
            base(114, "json", "json", -1, false, "U", 199),
            base(142, "xml", "xml", -1, false, "U", 143),
            base(194, "pg_node_tree", "pg_node_tree", -1, false, "Z", 0),
            base(700, "float4", "real", 4, true, "N", 1021),
            base(701, "float8", "double precision", 8, true, "N", 1022),
            pseudo(705, "unknown", -2, "X"),
            base(790, "money", "money", 8, true, "N", 791),
            base(869, "inet", "inet", -1, false, "I", 1041),
            base(1033, "aclitem", "aclitem", 12, false, "U", 1034),
            base(1042, "bpchar", "character", -1, false, "S", 1014),
            base(1043, "varchar", "character varying", -1, false, "S", 1015),
            base(1082, "date", "date", 4, true, "D", 1182),
            base(1083, "time", "time without time zone", 8, true, "D", 1183),
            base(1114, "timestamp", "timestamp without time zone", 8, true, "D", 1115),
            base(1184, "timestamptz", "timestamp with time zone", 8, true, "D", 1185),
            base(1186, "interval", "interval", 16, false, "T", 1187),
            base(1266, "timetz", "time with time zone", 12, false, "D", 1270),
            base(1560, "bit", "bit", -1, false, "V", 1561),
            base(1562, "varbit", "bit varying", -1, false, "V", 1563),
            base(1700, "numeric", "numeric", -1, false, "N", 1231),
            base(2202, "regprocedure", "regprocedure", 4, true, "N", 2207),
            base(2205, "regclass", "regclass", 4, true, "N", 2210),
            base(2206, "regtype", "regtype", 4, true, "N", 2211),
            base(4089, "regnamespace", "regnamespace", 4, true, "N", 4090),
            base(2950, "uuid", "uuid", 16, false, "U", 2951),
            base(3802, "jsonb", "jsonb", -1, false, "U", 3807),
            pseudo(2249, "record", -1, "P"),
            pseudo(2275, "cstring", -2, "P"),
            new TypeRow(2276, "any", "\"any\"", (short) 4, true, "P", 0, 0, "p"),
            pseudo(2277, "anyarray", -1, "P"),
            pseudo(2278, "void", 4, "P"),
            pseudo(2279, "trigger", 4, "P"),
            pseudo(2283, "anyelement", 4, "P"),
            array(1000, 16), array(1001, 17), array(1002, 18), array(1003, 19), array(1016, 20), array(1005, 21),
            array(1006, 22), array(1007, 23), array(1008, 24), array(1009, 25), array(1028, 26), array(1010, 27),
            array(1011, 28), array(1012, 29), array(1013, 30), array(199, 114), array(143, 142), array(1021, 700),
            array(1022, 701), array(791, 790), array(1041, 869), array(1034, 1033), array(1014, 1042),
            array(1015, 1043), array(1182, 1082), array(1183, 1083), array(1115, 1114), array(1185, 1184),
            array(1187, 1186), array(1270, 1266), array(1561, 1560), array(1563, 1562), array(1231, 1700),
            array(2207, 2202), array(2210, 2205), array(2211, 2206), array(4090, 4089), array(2951, 2950),
            array(3807, 3802));

    private static final Map<Long, TypeRow> BY_OID = new HashMap<>();

    static {
        for (TypeRow row : ROWS) {
            BY_OID.put(row.oid(), row);
        }
    }

    private PgTypes() {}

    private static TypeRow base(long oid, String name, String display, int length, boolean byValue, String category,
                                long array) {
        return new TypeRow(oid, name, display, (short) length, byValue, category, 0, array, "b");
    }

    private static TypeRow pseudo(long oid, String name, int length, String category) {
        return new TypeRow(oid, name, name, (short) length, length > 0, category, 0, 0, "p");
    }

    /** An array type: PostgreSQL names it after its element with a leading underscore. */
    private static TypeRow array(long oid, long element) {
        return new TypeRow(oid, null, null, (short) -1, false, "A", element, 0, "b");
    }

    public static List<TypeRow> rows() {
        return ROWS;
    }

    /** The row of a type OID, or null when pg_type has none. */
    public static TypeRow of(long oid) {
        return BY_OID.get(oid);
    }

    /** typname: an array type's is its element's name with an underscore before it. */
    public static String name(TypeRow row) {
        return row.element() != 0 ? "_" + BY_OID.get(row.element()).name() : row.name();
    }

    /** The type OID of one of our columns, as PostgreSQL would have it. */
    public static long oidOf(ColumnDef column) {
        return oidOf(column.type(), column.character());
    }

    public static long oidOf(SqlType type, CharacterType character) {
        return switch (type) {
            case BOOLEAN -> 16;
            case SMALLINT -> 21;
            case INTEGER -> 23;
            case BIGINT -> 20;
            case DOUBLE -> 701;
            case REAL -> 700;
            case NUMERIC -> 1700;
            case TEXT -> switch (character == null ? CharacterType.TEXT : character) {
                case VARCHAR -> 1043;
                case BPCHAR -> 1042;
                case NAME -> 19;
                case TEXT -> 25;
            };
            case DATE -> 1082;
            case TIMESTAMP -> 1114;
            case TIMESTAMPTZ -> 1184;
            case UUID -> 2950;
            case BYTEA -> 17;
            case TIME -> 1083;
            case INTERVAL -> 1186;
            case JSON -> 114;
            case JSONB -> 3802;
            case OID -> 26;
            case REGCLASS -> 2205;
            case UNKNOWN -> 705;
            case TEXT_ARRAY -> switch (character == null ? CharacterType.TEXT : character) {
                case VARCHAR -> 1015;
                case BPCHAR -> 1014;
                case NAME -> 1003;
                case TEXT -> 1009;
            };
            default -> BY_OID.values().stream()
                    .filter(row -> row.element() == oidOf(type.element(), null)).findFirst()
                    .map(TypeRow::oid).orElse(25L);
        };
    }

    /**
     * format_type(oid, typmod): the SQL name of a type with its modifier, as \d and pgjdbc show it;
     * null for a null OID, "???" for an OID no type has (as PostgreSQL).
     */
    public static String format(long oid, int typmod) {
        TypeRow row = BY_OID.get(oid);
        if (row == null) {
            return "???";
        }
        if (row.element() != 0) {
            return format(row.element(), typmod) + "[]";
        }
        String modifier = "";
        if (typmod >= 0) {
            if (oid == 1700) {
                int precision = ((typmod - 4) >> 16) & 0xffff;
                int scale = (typmod - 4) & 0xffff;
                modifier = "(" + precision + "," + scale + ")";
            } else if (oid == 1043 || oid == 1042) {
                modifier = "(" + (typmod - 4) + ")";
            } else if (oid == 1560 || oid == 1562) {
                modifier = "(" + typmod + ")";
            }
        }
        return row.display() + modifier;
    }

    /** typstorage / attstorage: plain for fixed-size types, main for numeric, extended for the rest. */
    public static String storage(TypeRow type) {
        return type.length() > 0 ? "p" : type.oid() == 1700 ? "m" : "x";
    }

    /** typcollation / attcollation: the default collation (100) for character types, else none. */
    public static long collation(TypeRow type) {
        String category = type.element() != 0 ? BY_OID.get(type.element()).category() : type.category();
        return category.equals("S") && type.oid() != 19 && type.element() != 19 ? 100 : type.oid() == 19 ? 950 : 0;
    }
}
