package dev.amelie.pgwire.type;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;

/**
 * {@code text} and its relatives on the wire (varchar, bpchar, name, unknown): UTF-8 bytes in
 * both formats, as textsend/textrecv do. A value of another Java class (a result column the
 * planner typed as unknown) is written through toString.
 */
final class TextCodec implements TypeCodec {
    static final TextCodec INSTANCE = new TextCodec();

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeUtf8(out, value instanceof CharSequence s ? s : String.valueOf(value));
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        writeText(out, value);
    }

    @Override
    public Object readText(String text) {
        return text;
    }

    @Override
    public Object readBinary(ByteBuf in) {
        return in.readCharSequence(in.readableBytes(), StandardCharsets.UTF_8).toString();
    }
}
