package dev.amelie.pgwire.type;

import dev.amelie.vm.value.Uuids;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.UUID;

/** {@code uuid}: 8-4-4-4-12 lowercase text; binary is the 16 bytes in order (uuid_send). */
final class UuidCodec implements TypeCodec {
    static final UuidCodec INSTANCE = new UuidCodec();

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeAscii(out, value.toString());
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        UUID uuid = (UUID) value;
        out.writeLong(uuid.getMostSignificantBits());
        out.writeLong(uuid.getLeastSignificantBits());
    }

    @Override
    public Object readText(String text) {
        return Uuids.parse(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() != 16) {
            return null;
        }
        return new UUID(in.readLong(), in.readLong());
    }
}
