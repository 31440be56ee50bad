package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;

/**
 * What information_schema says of a column's type, computed as PostgreSQL 15's
 * information_schema.sql does from atttypid and atttypmod (its _pg_char_max_length,
 * _pg_char_octet_length, _pg_numeric_precision, … functions): the SQL-standard type name, the
 * lengths of character types, the precision, radix and scale of numbers, the fractional-second
 * precision of times. NULL where the standard has nothing to say.
 */
final class InformationSchemaTypes {
    /** UTF8's longest character, by which character_octet_length multiplies a declared length. */
    private static final int MAX_ENCODING_LENGTH = 4;
    /** The octet length of an unbounded character type: 1 GB, PostgreSQL's largest field. */
    private static final int UNBOUNDED_OCTETS = 1 << 30;

    private InformationSchemaTypes() {}

    /** data_type: format_type without modifier, ARRAY for arrays (their element is element_types'). */
    static String dataType(ColumnDef column) {
        PgTypes.TypeRow type = PgTypes.of(PgTypes.oidOf(column));
        if (type == null) {
            return "USER-DEFINED";
        }
        return type.element() != 0 ? "ARRAY" : PgTypes.format(type.oid(), -1);
    }

    /** udt_name: pg_type's typname (_int4 for an integer array). */
    static String udtName(ColumnDef column) {
        PgTypes.TypeRow type = PgTypes.of(PgTypes.oidOf(column));
        return type == null ? null : PgTypes.name(type);
    }

    static Integer characterMaximumLength(ColumnDef column) {
        long oid = PgTypes.oidOf(column);
        int typmod = column.typmod();
        return (oid == 1042 || oid == 1043) && typmod >= 0 ? typmod - 4 : null;
    }

    static Integer characterOctetLength(ColumnDef column) {
        long oid = PgTypes.oidOf(column);
        if (oid != 25 && oid != 1042 && oid != 1043) {
            return null;
        }
        Integer length = characterMaximumLength(column);
        return length == null ? UNBOUNDED_OCTETS : length * MAX_ENCODING_LENGTH;
    }

    static Integer numericPrecision(ColumnDef column) {
        int typmod = column.typmod();
        return switch ((int) PgTypes.oidOf(column)) {
            case 21 -> 16;
            case 23 -> 32;
            case 20 -> 64;
            case 700 -> 24;
            case 701 -> 53;
            case 1700 -> typmod < 0 ? null : ((typmod - 4) >> 16) & 0xffff;
            default -> null;
        };
    }

    static Integer numericPrecisionRadix(ColumnDef column) {
        return switch ((int) PgTypes.oidOf(column)) {
            case 21, 23, 20, 700, 701 -> 2;
            case 1700 -> 10;
            default -> null;
        };
    }

    static Integer numericScale(ColumnDef column) {
        int typmod = column.typmod();
        return switch ((int) PgTypes.oidOf(column)) {
            case 21, 23, 20 -> 0;
            case 1700 -> typmod < 0 ? null : (typmod - 4) & 0xffff;
            default -> null;
        };
    }

    /** datetime_precision: 0 for date; the fractional digits of times, timestamps and intervals (6: microseconds). */
    static Integer datetimePrecision(ColumnDef column) {
        return switch ((int) PgTypes.oidOf(column)) {
            case 1082 -> 0;
            case 1083, 1114, 1184, 1266, 1186 -> 6;
            default -> null;
        };
    }
}
