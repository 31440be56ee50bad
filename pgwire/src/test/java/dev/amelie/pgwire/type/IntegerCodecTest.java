package dev.amelie.pgwire.type;

import dev.amelie.vm.error.SqlException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntegerCodecTest {

    @Test
    void textInputAllowsSurroundingWhitespaceAndSign() {
        assertEquals(12, IntegerCodec.INT4.readText(" 12 "));
        assertEquals(5, IntegerCodec.INT4.readText("+5"));
        assertEquals(Integer.MIN_VALUE, IntegerCodec.INT4.readText("-2147483648"));
        assertEquals(Long.MIN_VALUE, IntegerCodec.INT8.readText("-9223372036854775808"));
        assertEquals((short) -32768, IntegerCodec.INT2.readText("-32768"));
    }

    @Test
    void badSyntaxIs22P02WithPostgresMessage() {
        for (String bad : new String[] {"abc", "", " ", "1 2", "1.0", "-", "0x10"}) {
            SqlException e = assertThrows(SqlException.class, () -> IntegerCodec.INT4.readText(bad), bad);
            assertEquals("22P02", e.state().code());
            assertEquals("invalid input syntax for type integer: \"" + bad + "\"", e.getMessage());
        }
    }

    @Test
    void outOfRangeIs22003WithPostgresMessage() {
        SqlException e = assertThrows(SqlException.class, () -> IntegerCodec.INT4.readText("2147483648"));
        assertEquals("22003", e.state().code());
        assertEquals("value \"2147483648\" is out of range for type integer", e.getMessage());
        assertThrows(SqlException.class, () -> IntegerCodec.INT8.readText("9223372036854775808"));
        assertThrows(SqlException.class, () -> IntegerCodec.INT8.readText("99999999999999999999999"));
        assertEquals("value \"32768\" is out of range for type smallint",
                assertThrows(SqlException.class, () -> IntegerCodec.INT2.readText("32768")).getMessage());
    }
}
