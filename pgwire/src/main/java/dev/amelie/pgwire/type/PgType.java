package dev.amelie.pgwire.type;

import dev.amelie.vm.type.SqlType;

/**
 * The PostgreSQL types this server puts on the wire or accepts for parameters, with their
 * pg_type OID and typlen (RowDescription), the SqlType a value of it becomes, and its codec.
 *
 * <p>Results use one wire type per SqlType ({@link #ofResult}). Parameters may be declared
 * with more types than results use, because drivers declare what their API calls suggest:
 * pgjdbc declares varchar for setString and float4 for setFloat. Those map onto the nearest
 * SqlType and are decoded with their own codec.
 */
public enum PgType {
    BOOL(16, 1, SqlType.BOOLEAN, BoolCodec.INSTANCE),
    INT2(21, 2, SqlType.SMALLINT, IntegerCodec.INT2),
    INT4(23, 4, SqlType.INTEGER, IntegerCodec.INT4),
    INT8(20, 8, SqlType.BIGINT, IntegerCodec.INT8),
    FLOAT4(700, 4, SqlType.REAL, FloatCodec.FLOAT4),
    FLOAT8(701, 8, SqlType.DOUBLE, FloatCodec.FLOAT8),
    NUMERIC(1700, -1, SqlType.NUMERIC, NumericCodec.INSTANCE),
    TEXT(25, -1, SqlType.TEXT, TextCodec.INSTANCE),
    VARCHAR(1043, -1, SqlType.TEXT, TextCodec.INSTANCE),
    BPCHAR(1042, -1, SqlType.TEXT, TextCodec.INSTANCE),
    NAME(19, 64, SqlType.TEXT, TextCodec.INSTANCE),
    DATE(1082, 4, SqlType.DATE, DateCodec.INSTANCE),
    TIMESTAMP(1114, 8, SqlType.TIMESTAMP, TimestampCodec.WITHOUT_ZONE),
    TIMESTAMPTZ(1184, 8, SqlType.TIMESTAMPTZ, TimestampCodec.WITH_ZONE),
    UUID(2950, 16, SqlType.UUID, UuidCodec.INSTANCE),
    BYTEA(17, -1, SqlType.BYTEA, ByteaCodec.INSTANCE),
    TIME(1083, 8, SqlType.TIME, TimeCodec.INSTANCE),
    INTERVAL(1186, 16, SqlType.INTERVAL, IntervalCodec.INSTANCE),
    JSON(114, -1, SqlType.JSON, JsonCodec.JSON),
    JSONB(3802, -1, SqlType.JSONB, JsonCodec.JSONB),
    OID(26, 4, SqlType.OID, OidCodec.INSTANCE),
    REGCLASS(2205, 4, SqlType.REGCLASS, RegClassCodec.INSTANCE),
    BOOL_ARRAY(1000, SqlType.BOOLEAN_ARRAY, BOOL),
    INT2_ARRAY(1005, SqlType.SMALLINT_ARRAY, INT2),
    INT4_ARRAY(1007, SqlType.INTEGER_ARRAY, INT4),
    INT8_ARRAY(1016, SqlType.BIGINT_ARRAY, INT8),
    FLOAT4_ARRAY(1021, SqlType.REAL_ARRAY, FLOAT4),
    FLOAT8_ARRAY(1022, SqlType.DOUBLE_ARRAY, FLOAT8),
    NUMERIC_ARRAY(1231, SqlType.NUMERIC_ARRAY, NUMERIC),
    TEXT_ARRAY(1009, SqlType.TEXT_ARRAY, TEXT),
    VARCHAR_ARRAY(1015, SqlType.TEXT_ARRAY, VARCHAR),
    BPCHAR_ARRAY(1014, SqlType.TEXT_ARRAY, BPCHAR),
    NAME_ARRAY(1003, SqlType.TEXT_ARRAY, NAME),
    DATE_ARRAY(1182, SqlType.DATE_ARRAY, DATE),
    TIMESTAMP_ARRAY(1115, SqlType.TIMESTAMP_ARRAY, TIMESTAMP),
    TIMESTAMPTZ_ARRAY(1185, SqlType.TIMESTAMPTZ_ARRAY, TIMESTAMPTZ),
    UUID_ARRAY(2951, SqlType.UUID_ARRAY, UUID),
    BYTEA_ARRAY(1001, SqlType.BYTEA_ARRAY, BYTEA),
    TIME_ARRAY(1183, SqlType.TIME_ARRAY, TIME),
    INTERVAL_ARRAY(1187, SqlType.INTERVAL_ARRAY, INTERVAL),
    JSON_ARRAY(199, SqlType.JSON_ARRAY, JSON),
    JSONB_ARRAY(3807, SqlType.JSONB_ARRAY, JSONB),
    OID_ARRAY(1028, SqlType.OID_ARRAY, OID),
    /** A parameter the client left for the server to infer; PostgreSQL's "unknown" pseudo-type. */
    UNKNOWN(705, -2, SqlType.UNKNOWN, TextCodec.INSTANCE);

    /** "Unspecified" in Parse's parameter type list. */
    public static final int UNSPECIFIED_OID = 0;

    private final int oid;
    private final short typlen;
    private final SqlType sqlType;
    private final TypeCodec codec;

    PgType(int oid, int typlen, SqlType sqlType, TypeCodec codec) {
        this.oid = oid;
        this.typlen = (short) typlen;
        this.sqlType = sqlType;
        this.codec = codec;
    }

    /** An array type of {@code element}'s values. */
    PgType(int oid, SqlType sqlType, PgType element) {
        this(oid, -1, sqlType, new ArrayCodec(element.sqlType, element.oid, element.codec));
    }

    public int oid() {
        return oid;
    }

    /** pg_type.typlen: the fixed size in bytes, -1 for varlena, -2 for C strings. */
    public short typlen() {
        return typlen;
    }

    public SqlType sqlType() {
        return sqlType;
    }

    public TypeCodec codec() {
        return codec;
    }

    /**
     * The wire type of a result column. Unknown-typed results go out as text, which is what
     * PostgreSQL does with an unknown literal in a select list since version 10.
     */
    public static PgType ofResult(SqlType type) {
        return switch (type) {
            case BOOLEAN -> BOOL;
            case SMALLINT -> INT2;
            case INTEGER -> INT4;
            case BIGINT -> INT8;
            case DOUBLE -> FLOAT8;
            case REAL -> FLOAT4;
            case REAL_ARRAY -> FLOAT4_ARRAY;
            case OID -> OID;
            case REGCLASS -> REGCLASS;
            case OID_ARRAY -> OID_ARRAY;
            case NUMERIC -> NUMERIC;
            case TEXT, UNKNOWN -> TEXT;
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMPTZ -> TIMESTAMPTZ;
            case UUID -> UUID;
            case BYTEA -> BYTEA;
            case TIME -> TIME;
            case INTERVAL -> INTERVAL;
            case JSON -> JSON;
            case JSONB -> JSONB;
            case BOOLEAN_ARRAY -> BOOL_ARRAY;
            case SMALLINT_ARRAY -> INT2_ARRAY;
            case INTEGER_ARRAY -> INT4_ARRAY;
            case BIGINT_ARRAY -> INT8_ARRAY;
            case DOUBLE_ARRAY -> FLOAT8_ARRAY;
            case NUMERIC_ARRAY -> NUMERIC_ARRAY;
            case TEXT_ARRAY -> TEXT_ARRAY;
            case DATE_ARRAY -> DATE_ARRAY;
            case TIMESTAMP_ARRAY -> TIMESTAMP_ARRAY;
            case TIMESTAMPTZ_ARRAY -> TIMESTAMPTZ_ARRAY;
            case UUID_ARRAY -> UUID_ARRAY;
            case BYTEA_ARRAY -> BYTEA_ARRAY;
            case TIME_ARRAY -> TIME_ARRAY;
            case INTERVAL_ARRAY -> INTERVAL_ARRAY;
            case JSON_ARRAY -> JSON_ARRAY;
            case JSONB_ARRAY -> JSONB_ARRAY;
        };
    }

    /** The wire type of a result column of this type, declared as this character type when it is text. */
    public static PgType ofResult(SqlType type, dev.amelie.vm.type.CharacterType character) {
        if (type == SqlType.TEXT && character != null) {
            switch (character) {
                case VARCHAR -> {
                    return VARCHAR;
                }
                case BPCHAR -> {
                    return BPCHAR;
                }
                case NAME -> {
                    return NAME;
                }
                default -> { }
            }
        }
        return ofResult(type);
    }

    /** The wire type of a parameter the server inferred: same as results (unknown ones are text). */
    public static PgType ofParameter(SqlType type) {
        return ofResult(type);
    }

    /** The type with this OID, or null when this server does not know it. */
    public static PgType ofOid(int oid) {
        for (PgType type : values()) {
            if (type.oid == oid) {
                return type;
            }
        }
        return null;
    }
}
