package dev.amelie.pgwire.type;

import dev.amelie.vm.error.SqlException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FloatCodecTest {

    @Test
    void textInputAcceptsWhitespaceAndSpecialWords() {
        assertEquals(1.5, FloatCodec.FLOAT8.readText("  1.5 "));
        assertEquals(Double.NEGATIVE_INFINITY, FloatCodec.FLOAT8.readText("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, FloatCodec.FLOAT8.readText("INFINITY"));
        assertEquals(Double.NaN, FloatCodec.FLOAT8.readText("nan"));
        assertEquals(0.5, FloatCodec.FLOAT8.readText(".5"));
    }

    @Test
    void badTextInputUsesPostgresMessages() {
        SqlException syntax = assertThrows(SqlException.class, () -> FloatCodec.FLOAT8.readText("1.5d"));
        assertEquals("invalid input syntax for type double precision: \"1.5d\"", syntax.getMessage());
        SqlException overflow = assertThrows(SqlException.class, () -> FloatCodec.FLOAT8.readText(" 1e400"));
        assertEquals("22003", overflow.state().code());
        assertEquals("\" 1e400\" is out of range for type double precision", overflow.getMessage());
        SqlException underflow = assertThrows(SqlException.class, () -> FloatCodec.FLOAT8.readText("1e-400"));
        assertEquals("22003", underflow.state().code());
    }
}
