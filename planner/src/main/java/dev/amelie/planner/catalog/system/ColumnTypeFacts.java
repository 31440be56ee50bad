package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;

/**
 * What information_schema says about a column's type: data_type and the length, precision and
 * scale columns, computed from the type OID and typmod as PostgreSQL 15's information_schema.sql
 * does (_pg_char_max_length, _pg_numeric_precision, _pg_datetime_precision and friends).
 */
final class ColumnTypeFacts {
    /** The longest a character takes in UTF8: character_octet_length is four times the length. */
    private static final int MAX_BYTES_PER_CHARACTER = 4;
    /** character_octet_length of an unbounded character type: the largest value PostgreSQL holds (1 GB). */
    private static final int UNBOUNDED_OCTETS = 1073741824;

    private final long oid;
    private final int typmod;

    ColumnTypeFacts(ColumnDef column) {
        this.oid = PgTypes.oidOf(column);
        this.typmod = column.typmod();
    }

    long oid() {
        return oid;
    }

    /** ARRAY for arrays, else format_type without the modifier. */
    String dataType() {
        PgTypes.TypeRow row = PgTypes.of(oid);
        return row != null && row.element() != 0 ? "ARRAY" : PgTypes.format(oid, -1);
    }

    /** udt_name: pg_type.typname (_int4 for an integer array). */
    String udtName() {
        PgTypes.TypeRow row = PgTypes.of(oid);
        return row == null ? null : PgTypes.name(row);
    }

    Integer characterMaximumLength() {
        return isBoundedCharacter() && typmod >= 0 ? typmod - 4 : null;
    }

    Integer characterOctetLength() {
        if (oid != 1042 && oid != 1043 && oid != 25) {
            return null;
        }
        Integer length = characterMaximumLength();
        return length == null ? UNBOUNDED_OCTETS : length * MAX_BYTES_PER_CHARACTER;
    }

    Integer numericPrecision() {
        return switch ((int) oid) {
            case 21 -> 16;
            case 23 -> 32;
            case 20 -> 64;
            case 700 -> 24;
            case 701 -> 53;
            case 1700 -> typmod >= 0 ? ((typmod - 4) >> 16) & 0xffff : null;
            default -> null;
        };
    }

    Integer numericPrecisionRadix() {
        return switch ((int) oid) {
            case 21, 23, 20, 700, 701 -> 2;
            case 1700 -> 10;
            default -> null;
        };
    }

    Integer numericScale() {
        return switch ((int) oid) {
            case 21, 23, 20 -> 0;
            case 1700 -> typmod >= 0 ? (typmod - 4) & 0xffff : null;
            default -> null;
        };
    }

    /** 0 for date; the fractional digits of time, timestamp and interval (6 unless declared). */
    Integer datetimePrecision() {
        return switch ((int) oid) {
            case 1082 -> 0;
            case 1083, 1114, 1184, 1266, 1186 -> typmod >= 0 ? typmod : 6;
            default -> null;
        };
    }

    private boolean isBoundedCharacter() {
        return oid == 1042 || oid == 1043;
    }
}
