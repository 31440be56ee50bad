package dev.amelie.pgwire.type;

import dev.amelie.vm.value.TextInput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** {@code oid}: unsigned decimal text; binary is the 32 bits (oidsend). Values are Longs. */
final class OidCodec implements TypeCodec {
    static final OidCodec INSTANCE = new OidCodec();

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeAscii(out, Long.toString(((Number) value).longValue()));
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        out.writeInt((int) ((Number) value).longValue());
    }

    @Override
    public Object readText(String text) {
        return TextInput.parseOid(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        return in.readableBytes() == 4 ? in.readUnsignedInt() : null;
    }
}
