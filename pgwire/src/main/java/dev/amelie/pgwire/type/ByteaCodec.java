package dev.amelie.pgwire.type;

import dev.amelie.vm.value.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** {@code bytea}: hex text ({@code \x0aff}, bytea_output = hex); binary is the bytes themselves. */
final class ByteaCodec implements TypeCodec {
    static final ByteaCodec INSTANCE = new ByteaCodec();

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeAscii(out, value.toString());
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        out.writeBytes(((Bytes) value).bytes());
    }

    @Override
    public Object readText(String text) {
        return Bytes.parse(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        byte[] bytes = new byte[in.readableBytes()];
        in.readBytes(bytes);
        return new Bytes(bytes);
    }
}
