package dev.amelie.pgwire.type;

import dev.amelie.vm.value.DateTimeText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.time.LocalDate;

/** {@code date}: ISO text; binary is the day count from 2000-01-01 as int4 (date_send). */
final class DateCodec implements TypeCodec {
    static final DateCodec INSTANCE = new DateCodec();
    /** PostgreSQL's epoch for dates and timestamps on the wire. */
    static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeAscii(out, DateTimeText.formatDate((LocalDate) value));
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        out.writeInt((int) (((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
    }

    @Override
    public Object readText(String text) {
        return DateTimeText.parseDate(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() != 4) {
            return null;
        }
        return LocalDate.ofEpochDay(POSTGRES_EPOCH_DAY + in.readInt());
    }
}
