package dev.amelie.pgwire.type;

import dev.amelie.vm.value.DateTimeText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import dev.amelie.vm.value.TimeZoneSetting;

/**
 * {@code timestamp} and {@code timestamptz}: ISO text (timestamptz as the session's TimeZone
 * shows it, with its offset: {@code 2020-01-01 01:00:00+01}); binary is microseconds from
 * 2000-01-01 00:00 as int8 (timestamp_send), for timestamptz counted in UTC whatever the session's zone.
 */
final class TimestampCodec implements TypeCodec {
    static final TimestampCodec WITHOUT_ZONE = new TimestampCodec(false);
    static final TimestampCodec WITH_ZONE = new TimestampCodec(true);
    private static final long POSTGRES_EPOCH_SECOND = DateCodec.POSTGRES_EPOCH_DAY * 86_400;

    private final boolean withZone;

    private TimestampCodec(boolean withZone) {
        this.withZone = withZone;
    }

    /** As a session in the default zone (UTC) sees it. */
    @Override
    public void writeText(ByteBuf out, Object value) {
        writeText(out, value, TimeZoneSetting.DEFAULT.zone());
    }

    @Override
    public void writeText(ByteBuf out, Object value, ZoneId zone) {
        ByteBufUtil.writeAscii(out, withZone
                ? DateTimeText.formatTimestamptz((Instant) value, zone)
                : DateTimeText.formatTimestamp((LocalDateTime) value));
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        Instant instant = withZone ? (Instant) value : ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        long seconds = instant.getEpochSecond() - POSTGRES_EPOCH_SECOND;
        out.writeLong(Math.addExact(Math.multiplyExact(seconds, 1_000_000L), instant.getNano() / 1000));
    }

    /** As a session in the default zone (UTC) reads it. */
    @Override
    public Object readText(String text) {
        return readText(text, TimeZoneSetting.DEFAULT.zone());
    }

    @Override
    public Object readText(String text, ZoneId zone) {
        return withZone ? DateTimeText.parseTimestamptz(text, zone) : DateTimeText.parseTimestamp(text);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() != 8) {
            return null;
        }
        long micros = in.readLong();
        Instant instant = Instant.ofEpochSecond(POSTGRES_EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L);
        return withZone ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
