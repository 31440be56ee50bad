package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.value.Bytes;
import org.junit.jupiter.api.Test;

import static dev.amelie.vm.function.Calls.assertError;
import static dev.amelie.vm.function.Calls.call;
import static dev.amelie.vm.function.Calls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected texts are what PostgreSQL 15.18 prints for the same calls. */
class ByteaFunctionsTest {

    @Test
    void base64BreaksALineAfterEvery76CharactersEvenAtTheEnd() {
        String encoded = (String) call(Function.ENCODE, Bytes.parse("\\x" + "41".repeat(57)), "base64");
        assertEquals("QUFB".repeat(19) + "\n", encoded);
        assertEquals("MTIzAAE=", call(Function.ENCODE, Bytes.parse("\\x3132330001"), "BASE64"));
    }

    @Test
    void base64DecodingIsAsLenientAndAsStrictAsPostgres() {
        assertEquals("\\x313233fc0f", text(Function.DECODE, "MTIz/A+=", "base64"));
        assertEquals("\\x3132330001", text(Function.DECODE, " MTIz\nAAE= ", "base64"));
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid base64 end sequence", Function.DECODE, "MTIzA", "base64");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "unexpected \"=\" while decoding base64 sequence", Function.DECODE, "M=Iz", "base64");
    }

    @Test
    void escapeFormatWritesHighBytesInOctalAndDoublesBackslashes() {
        assertEquals("\\\\\\000\\377A", call(Function.ENCODE, Bytes.parse("\\x5c00ff41"), "escape"));
        assertEquals("\\x615c6241", text(Function.DECODE, "a\\\\b\\101", "escape"));
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea", Function.DECODE, "a\\q", "escape");
    }

    @Test
    void trimRemovesTheSetsBytesFromTheChosenEnds() {
        Bytes value = Bytes.parse("\\x1234567890");
        Bytes set = Bytes.parse("\\x9012");
        assertEquals("\\x345678", text(Function.BTRIM, value, set));
        assertEquals("\\x34567890", text(Function.LTRIM, value, set));
        assertEquals("\\x12345678", text(Function.RTRIM, value, set));
    }

    @Test
    void convertChecksTheBytesAreUtf8() {
        assertEquals("ñ", call(Function.CONVERT_FROM, Bytes.parse("\\xc3b1"), "utf-8"));
        assertEquals("\\xe9", text(Function.CONVERT_TO, "é", "LATIN1"));
        assertError(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28",
                Function.CONVERT_FROM, Bytes.parse("\\xc328"), "UTF8");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid source encoding name \"NOPE\"",
                Function.CONVERT_FROM, Bytes.parse("\\x41"), "NOPE");
    }
}
