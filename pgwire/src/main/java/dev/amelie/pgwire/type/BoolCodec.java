package dev.amelie.pgwire.type;

import dev.amelie.vm.value.TextInput;
import io.netty.buffer.ByteBuf;


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

    /** boolin, shared with casts: {@link TextInput#parseBoolean}. */
    @Override
    public Object readText(String text) {
        return TextInput.parseBoolean(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        // boolrecv: any non-zero byte is true.
        return in.readableBytes() == 1 ? in.readByte() != 0 : null;
    }
}
