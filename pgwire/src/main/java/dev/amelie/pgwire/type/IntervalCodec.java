package dev.amelie.pgwire.type;

import dev.amelie.vm.value.Interval;
import dev.amelie.vm.value.IntervalText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * {@code interval}: postgres-style text ({@code 1 year 2 mons 3 days 04:05:06}); binary is
 * microseconds int8, days int4, months int4 (interval_send).
 */
final class IntervalCodec implements TypeCodec {
    static final IntervalCodec INSTANCE = new IntervalCodec();

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeAscii(out, value.toString());
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        Interval interval = (Interval) value;
        out.writeLong(interval.micros());
        out.writeInt(interval.days());
        out.writeInt(interval.months());
    }

    @Override
    public Object readText(String text) {
        return IntervalText.parse(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() != 16) {
            return null;
        }
        long micros = in.readLong();
        int days = in.readInt();
        int months = in.readInt();
        return new Interval(months, days, micros);
    }
}
