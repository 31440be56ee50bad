package dev.amelie.vm.type;

/**
 * The SQL types values can have, and the Java class that carries each at run time.
 * Values are plain Java objects in registers and rows; {@code null} is SQL NULL.
 * Wire OIDs are the protocol layer's business (pgwire maps these to PostgreSQL OIDs).
 *
 * <p>Column types are logged by ordinal: add new types just before UNKNOWN (which no column
 * has), never reorder.
 */
public enum SqlType {
    BOOLEAN("boolean", Boolean.class),
    SMALLINT("smallint", Short.class),
    INTEGER("integer", Integer.class),
    BIGINT("bigint", Long.class),
    DOUBLE("double precision", Double.class),
    /** Exact numeric; so far only literals and results of arithmetic on them. */
    NUMERIC("numeric", java.math.BigDecimal.class),
    TEXT("text", String.class),
    DATE("date", java.time.LocalDate.class),
    /** Microsecond precision, as PostgreSQL's. */
    TIMESTAMP("timestamp without time zone", java.time.LocalDateTime.class),
    /** An instant, microsecond precision; printed in the session's zone (UTC). */
    TIMESTAMPTZ("timestamp with time zone", java.time.Instant.class),
    /** 16 bytes, printed 8-4-4-4-12; ordered unsigned bytewise. */
    UUID("uuid", java.util.UUID.class),
    /** Binary strings, as {@link dev.amelie.vm.value.Bytes} (content equality). */
    BYTEA("bytea", dev.amelie.vm.value.Bytes.class),
    /** Time of day without zone, microsecond precision. */
    TIME("time without time zone", java.time.LocalTime.class),
    /** Months, days and microseconds, kept apart as PostgreSQL keeps them. */
    INTERVAL("interval", dev.amelie.vm.value.Interval.class),
    /** JSON text kept as written (validated on input). */
    JSON("json", dev.amelie.vm.value.Json.class),
    /** JSON in its decomposed, normalized form: keys sorted and unique, numbers exact. */
    JSONB("jsonb", dev.amelie.vm.value.Jsonb.class),
    // One-dimensional arrays (lower bound 1) of the scalar types, as dev.amelie.vm.value.SqlArray.
    BOOLEAN_ARRAY(BOOLEAN), SMALLINT_ARRAY(SMALLINT), INTEGER_ARRAY(INTEGER), BIGINT_ARRAY(BIGINT),
    DOUBLE_ARRAY(DOUBLE), NUMERIC_ARRAY(NUMERIC), TEXT_ARRAY(TEXT), DATE_ARRAY(DATE), TIMESTAMP_ARRAY(TIMESTAMP),
    TIMESTAMPTZ_ARRAY(TIMESTAMPTZ), UUID_ARRAY(UUID), BYTEA_ARRAY(BYTEA), TIME_ARRAY(TIME), INTERVAL_ARRAY(INTERVAL),
    JSON_ARRAY(JSON), JSONB_ARRAY(JSONB),
    /** Single precision (float4): Java floats, printed with float4's shortest round-trip digits. */
    REAL("real", Float.class),
    REAL_ARRAY(REAL),
    /** An object identifier: unsigned 32 bits, held in a Long (0 … 4294967295). */
    OID("oid", Long.class),
    OID_ARRAY(OID),
    /** A relation's OID that prints as its name (dev.amelie.vm.value.RegClass). */
    REGCLASS("regclass", dev.amelie.vm.value.RegClass.class),
    /** The type of a NULL literal or a parameter whose type nothing determines. */
    UNKNOWN("unknown", Object.class);

    private final String sqlName;
    private final Class<?> javaClass;
    private final SqlType element;

    SqlType(String sqlName, Class<?> javaClass) {
        this.sqlName = sqlName;
        this.javaClass = javaClass;
        this.element = null;
    }

    SqlType(SqlType element) {
        this.sqlName = element.sqlName + "[]";
        this.javaClass = dev.amelie.vm.value.SqlArray.class;
        this.element = element;
    }

    /** The element type of an array type; null for a scalar. */
    public SqlType element() {
        return element;
    }

    public boolean isArray() {
        return element != null;
    }

    /** The array type of this element type, or null when there is none. */
    public SqlType arrayOf() {
        for (SqlType type : values()) {
            if (type.element == this) {
                return type;
            }
        }
        return null;
    }

    /** The name PostgreSQL uses in messages (format_type). */
    public String sqlName() {
        return sqlName;
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isDateTime() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMPTZ || this == TIME;
    }

    public boolean isNumeric() {
        return this == SMALLINT || this == INTEGER || this == BIGINT || this == DOUBLE || this == NUMERIC || this == REAL;
    }
}
