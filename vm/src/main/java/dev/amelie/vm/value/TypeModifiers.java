package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.CharacterType;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Values fitted to a type modifier: varchar(n), char(n) and numeric(p, s), as PostgreSQL's
 * varchar(), bpchar() and numeric() functions do (varchar.c, numeric.c).
 *
 * <p>A char(n) value is held without its trailing blanks, since PostgreSQL ignores them in
 * comparisons, length() and casts to text; the blanks come back when it is sent to a client
 * ({@link #padded}). Storing a value (assignment) that is too long is 22001 unless the excess is
 * all blanks, which are cut; an explicit cast cuts to n silently.
 */
public final class TypeModifiers {
    private TypeModifiers() {}

    /** A value for a varchar(length) (length -1: any) or char(length) (bpchar without length: -1). */
    public static String fitCharacters(String value, CharacterType type, int length, boolean explicit) {
        if (type == CharacterType.NAME) {
            return fitName(value);
        }
        String fitted = value;
        if (length >= 0 && type != CharacterType.TEXT) {
            int count = value.codePointCount(0, value.length());
            if (count > length) {
                int cut = value.offsetByCodePoints(0, length);
                if (!explicit) {
                    for (int i = cut; i < value.length(); i++) {
                        if (value.charAt(i) != ' ') {
                            throw new SqlException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                                    "value too long for type " + type.sqlName() + "(" + length + ")");
                        }
                    }
                }
                fitted = value.substring(0, cut);
            }
        }
        return type == CharacterType.BPCHAR ? withoutTrailingBlanks(fitted) : fitted;
    }

    /** namein: cut to 63 bytes of UTF-8, at a character boundary. */
    public static String fitName(String value) {
        if (value.length() <= 21 || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63) {
            return value;
        }
        int bytes = 0;
        int i = 0;
        while (i < value.length()) {
            int c = value.codePointAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (bytes + size > 63) {
                break;
            }
            bytes += size;
            i += Character.charCount(c);
        }
        return value.substring(0, i);
    }

    /** A char(length) value as a client sees it: blank-padded to length characters. */
    public static String padded(String value, int length) {
        int count = value.codePointCount(0, value.length());
        return count >= length ? value : value + " ".repeat(length - count);
    }

    public static String withoutTrailingBlanks(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return end == value.length() ? value : value.substring(0, end);
    }

    /**
     * A value for numeric(precision, scale): rounded half away from zero to scale digits; more
     * than precision - scale integer digits is 22003, as PostgreSQL says it.
     */
    public static BigDecimal fitNumeric(BigDecimal value, int precision, int scale) {
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        int integerDigits = rounded.signum() == 0 ? Integer.MIN_VALUE : rounded.precision() - rounded.scale();
        if (integerDigits > precision - scale) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow",
                    "A field with precision " + precision + ", scale " + scale
                            + " must round to an absolute value less than 10^" + (precision - scale) + ".",
                    null, 0, null);
        }
        return rounded;
    }

    /** PostgreSQL's atttypmod of varchar(n) and char(n): n + VARHDRSZ; -1 without n. */
    public static int characterTypmod(int length) {
        return length < 0 ? -1 : length + 4;
    }

    /** PostgreSQL's atttypmod of numeric(p, s): ((p << 16) | s) + VARHDRSZ; -1 without p. */
    public static int numericTypmod(int precision, int scale) {
        return precision < 0 ? -1 : ((precision << 16) | (scale & 0x7ff)) + 4;
    }
}
