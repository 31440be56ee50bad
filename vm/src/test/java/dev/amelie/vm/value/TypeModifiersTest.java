package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.CharacterType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expected values from PostgreSQL 15.18 (varchar.c, numeric.c). */
class TypeModifiersTest {

    @Test
    void storingTooLongAVarcharIs22001UnlessTheExcessIsBlanks() {
        assertEquals("abcde", TypeModifiers.fitCharacters("abcde   ", CharacterType.VARCHAR, 5, false));
        assertEquals("ab ", TypeModifiers.fitCharacters("ab ", CharacterType.VARCHAR, 5, false));
        SqlException e = assertThrows(SqlException.class,
                () -> TypeModifiers.fitCharacters("abcdef", CharacterType.VARCHAR, 5, false));
        assertEquals(SqlState.STRING_DATA_RIGHT_TRUNCATION, e.state());
        assertEquals("value too long for type character varying(5)", e.getMessage());
    }

    @Test
    void anExplicitCastCutsToTheLengthCountingCharactersNotUnits() {
        assertEquals("abc", TypeModifiers.fitCharacters("abcdef", CharacterType.VARCHAR, 3, true));
        assertEquals("😀é", TypeModifiers.fitCharacters("😀éx", CharacterType.VARCHAR, 2, true));
        assertEquals("free text", TypeModifiers.fitCharacters("free text", CharacterType.VARCHAR, -1, false));
    }

    @Test
    void charIsHeldWithoutTrailingBlanksAndPaddedWhenSent() {
        assertEquals("ab", TypeModifiers.fitCharacters("ab  ", CharacterType.BPCHAR, 4, false));
        assertEquals("abcd", TypeModifiers.fitCharacters("abcd  ", CharacterType.BPCHAR, 4, false));
        SqlException e = assertThrows(SqlException.class,
                () -> TypeModifiers.fitCharacters("ab c ", CharacterType.BPCHAR, 3, false));
        assertEquals("value too long for type character(3)", e.getMessage());
        assertEquals("ab  ", TypeModifiers.padded("ab", 4));
        assertEquals("ñ    ", TypeModifiers.padded("ñ", 5));
    }

    @Test
    void numericIsRoundedHalfAwayFromZeroAnd22003BeyondThePrecision() {
        assertEquals(new BigDecimal("1.01"), TypeModifiers.fitNumeric(new BigDecimal("1.005"), 5, 2));
        assertEquals(new BigDecimal("-2"), TypeModifiers.fitNumeric(new BigDecimal("-1.5"), 3, 0));
        SqlException e = assertThrows(SqlException.class, () -> TypeModifiers.fitNumeric(new BigDecimal("999.995"), 5, 2));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.state());
    }

    @Test
    void typmodsAreThoseOfPostgres() {
        assertEquals(14, TypeModifiers.characterTypmod(10));
        assertEquals(-1, TypeModifiers.characterTypmod(-1));
        assertEquals((10 << 16 | 2) + 4, TypeModifiers.numericTypmod(10, 2));
        assertEquals(-1, TypeModifiers.numericTypmod(-1, -1));
    }
}
