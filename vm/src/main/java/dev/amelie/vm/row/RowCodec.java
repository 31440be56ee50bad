package dev.amelie.vm.row;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import dev.amelie.vm.value.Bytes;
import dev.amelie.vm.value.Interval;
import dev.amelie.vm.value.Json;
import dev.amelie.vm.value.Jsonb;
import dev.amelie.vm.value.RegClass;
import dev.amelie.vm.value.SqlArray;
import java.time.ZoneOffset;

/**
 * Encodes rows (arrays of run-time values) to bytes and back, self-describing: each value is
 * a one-byte tag followed by its bytes, so a reader needs no schema. Used for WAL records and
 * snapshots, where rows must outlive the process that wrote them.
 */
public final class RowCodec {
    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte SHORT = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte DOUBLE = 6;
    private static final byte TEXT = 7;
    private static final byte DECIMAL = 8;
    private static final byte DATE = 9;
    private static final byte TIMESTAMP = 10;
    private static final byte TIMESTAMPTZ = 11;
    private static final byte UUID = 12;
    private static final byte BYTEA = 13;
    private static final byte TIME = 14;
    private static final byte INTERVAL = 15;
    private static final byte JSON = 16;
    /** jsonb as its output text: compact enough, and read back into the same tree. */
    private static final byte JSONB = 17;
    /** An array: its length, then each element as a value of its own. */
    private static final byte ARRAY = 18;
    private static final byte REAL = 19;
    private static final byte REGCLASS = 20;

    private RowCodec() {}

    public static void writeRow(GrowableBuffer out, Object[] row) {
        out.putInt(row.length);
        for (Object value : row) {
            writeValue(out, value);
        }
    }

    public static Object[] readRow(ByteBuffer in) {
        int n = in.getInt();
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
            row[i] = readValue(in);
        }
        return row;
    }

    public static void writeValue(GrowableBuffer out, Object value) {
        switch (value) {
            case null -> out.put(NULL);
            case Boolean b -> out.put(b ? TRUE : FALSE);
            case Short s -> {
                out.put(SHORT);
                out.putShort(s);
            }
            case Integer i -> {
                out.put(INT);
                out.putInt(i);
            }
            case Long l -> {
                out.put(LONG);
                out.putLong(l);
            }
            case Float f -> {
                out.put(REAL);
                out.putInt(Float.floatToRawIntBits(f));
            }
            case Double d -> {
                out.put(DOUBLE);
                out.putLong(Double.doubleToRawLongBits(d));
            }
            case String s -> {
                out.put(TEXT);
                writeString(out, s);
            }
            case BigDecimal d -> {
                out.put(DECIMAL);
                out.putInt(d.scale());
                byte[] unscaled = d.unscaledValue().toByteArray();
                out.putInt(unscaled.length);
                out.put(unscaled);
            }
            case LocalDate d -> {
                out.put(DATE);
                out.putLong(d.toEpochDay());
            }
            case LocalDateTime t -> {
                out.put(TIMESTAMP);
                out.putLong(t.toEpochSecond(ZoneOffset.UTC));
                out.putInt(t.getNano());
            }
            case Instant t -> {
                out.put(TIMESTAMPTZ);
                out.putLong(t.getEpochSecond());
                out.putInt(t.getNano());
            }
            case java.util.UUID u -> {
                out.put(UUID);
                out.putLong(u.getMostSignificantBits());
                out.putLong(u.getLeastSignificantBits());
            }
            case Bytes b -> {
                out.put(BYTEA);
                out.putInt(b.bytes().length);
                out.put(b.bytes());
            }
            case LocalTime t -> {
                out.put(TIME);
                out.putLong(t.toNanoOfDay());
            }
            case Interval i -> {
                out.put(INTERVAL);
                out.putInt(i.months());
                out.putInt(i.days());
                out.putLong(i.micros());
            }
            case Json j -> {
                out.put(JSON);
                writeString(out, j.text());
            }
            case Jsonb j -> {
                out.put(JSONB);
                writeString(out, j.toString());
            }
            case RegClass r -> {
                out.put(REGCLASS);
                out.putLong(r.oid());
                writeString(out, r.name());
            }
            case SqlArray a -> {
                out.put(ARRAY);
                out.putInt(a.length());
                for (Object element : a.elements()) {
                    writeValue(out, element);
                }
            }
            default -> throw new IllegalArgumentException("cannot encode " + value.getClass());
        }
    }

    public static Object readValue(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case SHORT -> in.getShort();
            case INT -> in.getInt();
            case LONG -> in.getLong();
            case DOUBLE -> Double.longBitsToDouble(in.getLong());
            case REAL -> Float.intBitsToFloat(in.getInt());
            case REGCLASS -> new RegClass(in.getLong(), readString(in));
            case TEXT -> readString(in);
            case DECIMAL -> {
                int scale = in.getInt();
                byte[] unscaled = new byte[in.getInt()];
                in.get(unscaled);
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            case DATE -> LocalDate.ofEpochDay(in.getLong());
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(in.getLong(), in.getInt(), ZoneOffset.UTC);
            case TIMESTAMPTZ -> Instant.ofEpochSecond(in.getLong(), in.getInt());
            case UUID -> new java.util.UUID(in.getLong(), in.getLong());
            case BYTEA -> {
                byte[] bytes = new byte[in.getInt()];
                in.get(bytes);
                yield new Bytes(bytes);
            }
            case TIME -> LocalTime.ofNanoOfDay(in.getLong());
            case INTERVAL -> new Interval(in.getInt(), in.getInt(), in.getLong());
            case JSON -> new Json(readString(in));
            case JSONB -> Jsonb.parse(readString(in));
            case ARRAY -> {
                Object[] elements = new Object[in.getInt()];
                for (int i = 0; i < elements.length; i++) {
                    elements[i] = readValue(in);
                }
                yield new SqlArray(elements);
            }
            default -> throw new IllegalArgumentException("bad value tag " + tag + " at " + (in.position() - 1));
        };
    }

    public static void writeString(GrowableBuffer out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length);
        out.put(bytes);
    }

    public static String readString(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
