package dev.amelie.pgwire.type;

import dev.amelie.vm.value.DateTimeText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.time.LocalTime;

/** {@code time}: {@code 14:07:09.5}; binary is microseconds since midnight as int8 (time_send). */
final class TimeCodec implements TypeCodec {
    static final TimeCodec INSTANCE = new TimeCodec();

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeAscii(out, DateTimeText.formatTime((LocalTime) value));
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        out.writeLong(((LocalTime) value).toNanoOfDay() / 1000);
    }

    @Override
    public Object readText(String text) {
        return DateTimeText.parseTime(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() != 8) {
            return null;
        }
        long micros = in.readLong();
        if (micros < 0 || micros >= 86_400_000_000L) {
            return null;
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }
}
