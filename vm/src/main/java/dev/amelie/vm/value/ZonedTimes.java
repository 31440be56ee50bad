package dev.amelie.vm.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Wall-clock time in a zone and back, with PostgreSQL's rules for the hours a change of offset
 * skips or repeats, and the offset as PostgreSQL prints it after a timestamptz.
 */
public final class ZonedTimes {
    private ZonedTimes() {}

    /**
     * The instant when the zone's clocks showed {@code local}. A time skipped by a change to
     * summer time is read with the offset before the change (02:30 on the day Berlin springs
     * forward is 03:30+02); a time shown twice, when the clocks go back, is the later instant,
     * in standard time (PostgreSQL's DetermineTimeZoneOffset).
     */
    public static Instant instantOf(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toInstant();
    }

    /** What the zone's clocks showed at the instant. */
    public static LocalDateTime localOf(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /**
     * The offset east of Greenwich as timestamptz output shows it: {@code +01}, {@code -03:30},
     * or with seconds for the local mean times of the 19th century ({@code +00:53:28}).
     */
    public static void appendOffset(StringBuilder out, int totalSeconds) {
        int seconds = Math.abs(totalSeconds);
        out.append(totalSeconds < 0 ? '-' : '+');
        pad2(out, seconds / 3600);
        if (seconds % 3600 != 0) {
            out.append(':');
            pad2(out, seconds / 60 % 60);
            if (seconds % 60 != 0) {
                out.append(':');
                pad2(out, seconds % 60);
            }
        }
    }

    private static void pad2(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }
}
