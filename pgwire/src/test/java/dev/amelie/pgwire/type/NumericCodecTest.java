package dev.amelie.pgwire.type;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumericCodecTest {

    /** Expected bytes are PostgreSQL 15's {@code numeric_send(<value>)}. */
    @ParameterizedTest
    @CsvSource({
            "12345.678, 0003000100000003000109291a7c",
            "0.0001, 0001ffff000000040001",
            "-1.50, 000200004000000200011388",
            "0, 0000000000000000",
            "0.00, 0000000000000002",
            "100000000, 00010002000000000001",
            "1E-10, 0001fffd0000000a0064"})
    void binaryMatchesPostgresBothWays(String value, String hex) {
        BigDecimal decimal = new BigDecimal(value);
        ByteBuf out = Unpooled.buffer();
        NumericCodec.INSTANCE.writeBinary(out, decimal);
        assertEquals(hex, ByteBufUtil.hexDump(out));

        Object back = NumericCodec.INSTANCE.readBinary(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex)));
        assertEquals(0, decimal.compareTo((BigDecimal) back));
        assertEquals(Math.max(decimal.scale(), 0), ((BigDecimal) back).scale());
    }
}
