package dev.amelie.pgwire.type;

import dev.amelie.vm.value.Json;
import dev.amelie.vm.value.Jsonb;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;

/**
 * {@code json} and {@code jsonb}: UTF-8 text in both formats, except that jsonb's binary form
 * starts with its version byte, 1 (jsonb_send), and a jsonb parameter in binary must carry it.
 */
final class JsonCodec implements TypeCodec {
    static final JsonCodec JSON = new JsonCodec(false);
    static final JsonCodec JSONB = new JsonCodec(true);
    private static final int JSONB_VERSION = 1;

    private final boolean binaryJsonb;

    private JsonCodec(boolean binaryJsonb) {
        this.binaryJsonb = binaryJsonb;
    }

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeUtf8(out, value.toString());
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        if (binaryJsonb) {
            out.writeByte(JSONB_VERSION);
        }
        writeText(out, value);
    }

    @Override
    public Object readText(String text) {
        return binaryJsonb ? Jsonb.parse(text) : Json.parse(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (binaryJsonb) {
            if (!in.isReadable() || in.readByte() != JSONB_VERSION) {
                return null;
            }
        }
        return readText(in.readCharSequence(in.readableBytes(), StandardCharsets.UTF_8).toString());
    }
}
