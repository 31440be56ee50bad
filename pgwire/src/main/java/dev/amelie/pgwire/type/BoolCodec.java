package dev.amelie.pgwire.type;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import io.netty.buffer.ByteBuf;

import java.util.Locale;

/** {@code bool}: text 't'/'f', binary one byte. */
final class BoolCodec implements TypeCodec {
    static final BoolCodec INSTANCE = new BoolCodec();

    @Override
    public void writeText(ByteBuf out, Object value) {
        out.writeByte((Boolean) value ? 't' : 'f');
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        out.writeByte((Boolean) value ? 1 : 0);
    }

    /**
     * PostgreSQL's parse_bool_with_len (src/backend/utils/adt/bool.c): surrounding whitespace is
     * ignored, case does not matter, and any unambiguous prefix of true/false/yes/no counts;
     * "on"/"off" need at least two letters because "o" alone is ambiguous.
     */
    @Override
    public Object readText(String text) {
        Boolean value = parse(text);
        if (value == null) {
            throw new SqlException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type boolean: \"" + text + "\"");
        }
        return value;
    }

    /** The value, or null when the text is no boolean. Also used for boolean settings. */
    static Boolean parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("1") || (s.length() >= 2 && "on".startsWith(s))) {
            return Boolean.TRUE;
        }
        if ("false".startsWith(s) || "no".startsWith(s) || s.equals("0") || (s.length() >= 2 && "off".startsWith(s))) {
            return Boolean.FALSE;
        }
        return null;
    }

    @Override
    public Object readBinary(ByteBuf in) {
        // boolrecv: any non-zero byte is true.
        return in.readableBytes() == 1 ? in.readByte() != 0 : null;
    }
}
