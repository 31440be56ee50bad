package dev.amelie.vm.row;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RowCodecTest {

    static Stream<Object> values() {
        return Stream.of(
                null, true, false,
                (short) 0, Short.MIN_VALUE, Short.MAX_VALUE,
                0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE,
                0L, Long.MIN_VALUE, Long.MAX_VALUE,
                0.0, -0.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                "", "plain", "héllo wörld", "日本語", "😀 outside the BMP", "quote ' and \\ and \0 nul",
                new BigDecimal("123.4500"), new BigDecimal("-0.001"), new BigDecimal("0.00"),
                new BigDecimal("1E+5"), new BigDecimal("123456789012345678901234567890.123456789"),
                new BigDecimal("-98765432109876543210"));
    }

    /** Class, value and BigDecimal scale survive (equals is scale-sensitive; Short stays Short). */
    @ParameterizedTest
    @MethodSource("values")
    void everyValueClassRoundTrips(Object value) {
        Object back = roundTrip(new Object[] {value})[0];
        assertEquals(value, back);
        if (value != null) {
            assertEquals(value.getClass(), back.getClass());
        }
    }

    /** Double.equals treats -0.0/0.0 and NaN bit patterns loosely; the stored bits must be the same. */
    @Test
    void doublesKeepTheirExactBits() {
        double nanWithPayload = Double.longBitsToDouble(0x7ff8_0000_0000_0abcL);
        for (double d : new double[] {-0.0, 0.0, nanWithPayload, Math.ulp(1.0)}) {
            double back = (Double) roundTrip(new Object[] {d})[0];
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(back));
        }
    }

    @Test
    void rowsFollowingEachOtherReadBackInOrder() {
        Object[] first = {1, null, "a", new BigDecimal("2.50"), true};
        Object[] empty = {};
        Object[] last = {Long.MAX_VALUE, -0.0, "ü"};
        GrowableBuffer out = new GrowableBuffer(1); // forces growth
        RowCodec.writeRow(out, first);
        RowCodec.writeRow(out, empty);
        RowCodec.writeRow(out, last);
        ByteBuffer in = ByteBuffer.wrap(out.toByteArray());
        assertArrayEquals(first, RowCodec.readRow(in));
        assertArrayEquals(empty, RowCodec.readRow(in));
        assertArrayEquals(last, RowCodec.readRow(in));
        assertFalse(in.hasRemaining(), "reader consumed exactly what was written");
    }

    @Test
    void longStringsSurviveBufferGrowth() {
        String long1 = "x".repeat(100_000) + "😀";
        assertEquals(long1, roundTrip(new Object[] {long1})[0]);
    }

    @Test
    void unsupportedClassesAndUnknownTagsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RowCodec.writeValue(new GrowableBuffer(16), new Object()));
        ByteBuffer badTag = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 99});
        assertThrows(IllegalArgumentException.class, () -> RowCodec.readRow(badTag));
    }

    private static Object[] roundTrip(Object[] row) {
        GrowableBuffer out = new GrowableBuffer(16);
        RowCodec.writeRow(out, row);
        ByteBuffer in = ByteBuffer.wrap(out.toByteArray());
        Object[] back = RowCodec.readRow(in);
        assertFalse(in.hasRemaining());
        return back;
    }
}
