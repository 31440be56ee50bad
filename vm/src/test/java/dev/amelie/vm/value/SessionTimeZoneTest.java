package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A timestamptz as a session in a time zone other than UTC reads and shows it, with PostgreSQL
 * 15's results (psql against PostgreSQL 15 with SET TIME ZONE).
 */
class SessionTimeZoneTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private static String show(Instant value, ZoneId zone) {
        return DateTimeText.formatTimestamptz(value, zone);
    }

    @Test
    void outputShowsTheZonesClockAndOffset() {
        assertEquals("2020-01-01 01:00:00+01", show(Instant.parse("2020-01-01T00:00:00Z"), BERLIN));
        assertEquals("2020-07-01 02:00:00+02", show(Instant.parse("2020-07-01T00:00:00Z"), BERLIN));
        assertEquals("2020-01-01 05:30:00+05:30", show(Instant.parse("2020-01-01T00:00:00Z"), KOLKATA));
        // Before standard time, Berlin kept its local mean time: an offset with seconds.
        assertEquals("1890-01-01 00:00:00+00:53:28", show(Instant.parse("1889-12-31T23:06:32Z"), BERLIN));
        assertEquals("2019-12-31 20:30:00-03:30", show(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.ofHoursMinutes(-3, -30)));
    }

    @Test
    void inputWithoutOffsetIsTheSessionsWallClock() {
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), DateTimeText.parseTimestamptz("2020-01-01 01:00", BERLIN));
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), DateTimeText.parseTimestamptz("2020-01-01 01:00+01", NEW_YORK));
        // 02:30 does not exist on 2021-03-28 in Berlin: read with the offset before the change, 03:30+02.
        assertEquals("2021-03-28 03:30:00+02", show(DateTimeText.parseTimestamptz("2021-03-28 02:30", BERLIN), BERLIN));
        // 01:30 happens twice on 2021-11-07 in New York: the later one, in standard time.
        assertEquals("2021-11-07 01:30:00-05", show(DateTimeText.parseTimestamptz("2021-11-07 01:30", NEW_YORK), NEW_YORK));
    }

    @Test
    void aDayIsACalendarDayAcrossAChangeOfOffsetAndTwentyFourHoursAreNot() {
        Instant noon = DateTimeText.parseTimestamptz("2021-03-27 12:00", BERLIN);
        assertEquals("2021-03-28 12:00:00+02", show((Instant) Values.arithmetic('+', noon, new Interval(0, 1, 0), SqlType.TIMESTAMPTZ, BERLIN), BERLIN));
        assertEquals("2021-03-28 13:00:00+02", show((Instant) Values.arithmetic('+', noon,
                new Interval(0, 0, 24 * Interval.MICROS_PER_HOUR), SqlType.TIMESTAMPTZ, BERLIN), BERLIN));
        Instant fallBack = DateTimeText.parseTimestamptz("2021-11-06 12:00", NEW_YORK);
        assertEquals("2021-11-07 12:00:00-05", show((Instant) Values.arithmetic('+', fallBack, new Interval(0, 1, 0), SqlType.TIMESTAMPTZ, NEW_YORK), NEW_YORK));
        assertEquals("2021-11-07 11:00:00-05", show((Instant) Values.arithmetic('+', fallBack,
                new Interval(0, 0, 24 * Interval.MICROS_PER_HOUR), SqlType.TIMESTAMPTZ, NEW_YORK), NEW_YORK));
        assertEquals("2021-02-27 12:00:00+01", show((Instant) Values.arithmetic('-', noon, new Interval(1, 0, 0), SqlType.TIMESTAMPTZ, BERLIN), BERLIN));
    }

    @Test
    void castsToAndFromTheTypesWithoutZoneUseTheSessionsZone() {
        Instant instant = Instant.parse("2021-03-27T23:30:00Z");
        assertEquals(LocalDateTime.parse("2021-03-28T00:30:00"), Values.cast(instant, SqlType.TIMESTAMP, BERLIN));
        assertEquals(LocalDate.parse("2021-03-28"), Values.cast(instant, SqlType.DATE, BERLIN));
        assertEquals(LocalDate.parse("2021-03-27"), Values.cast(instant, SqlType.DATE, ZoneOffset.UTC));
        assertEquals("00:30:00", Values.toText(Values.cast(instant, SqlType.TIME, BERLIN)));
        assertEquals("2021-03-28 00:30:00+01", Values.cast(instant, SqlType.TEXT, BERLIN));
        assertEquals(Instant.parse("2021-03-27T23:00:00Z"), Values.cast(LocalDate.parse("2021-03-28"), SqlType.TIMESTAMPTZ, BERLIN));
        assertEquals(Instant.parse("2021-03-28T10:00:00Z"), Values.cast(LocalDateTime.parse("2021-03-28T12:00:00"), SqlType.TIMESTAMPTZ, BERLIN));
        assertEquals(Instant.parse("2021-03-28T10:00:00Z"), Values.cast("2021-03-28 12:00", SqlType.TIMESTAMPTZ, BERLIN));
    }

    @Test
    void fieldsAreTheZonesAndTheEpochIsTheInstants() {
        Instant instant = Instant.parse("2023-06-01T00:00:00Z");
        ZoneId pacific = ZoneId.of("PST8PDT");
        assertEquals(new BigDecimal("31"), DateTimeFields.extract("day", instant, pacific));
        assertEquals(new BigDecimal("17"), DateTimeFields.extract("hour", instant, pacific));
        assertEquals(new BigDecimal("1685577600.000000"), DateTimeFields.extract("epoch", instant, pacific));
        assertEquals(new BigDecimal("-25200"), DateTimeFields.extract("timezone", instant, pacific));
        assertEquals(new BigDecimal("-7"), DateTimeFields.extract("timezone_hour", instant, pacific));
        assertEquals(new BigDecimal("30"), DateTimeFields.extract("timezone_minute", instant, KOLKATA));
        assertEquals(new BigDecimal("2460097.0000000000000000000000000000"), DateTimeFields.extract("julian", instant, ZoneOffset.UTC));
        assertEquals(new BigDecimal("2460096.70833333333333333333"), DateTimeFields.extract("julian", instant, pacific));
    }

    @Test
    void timeZoneSettingReadsWhatSetTimeZoneTakes() {
        assertEquals(new TimeZoneSetting("Europe/Berlin", BERLIN), TimeZoneSetting.parse("TimeZone", "europe/berlin"));
        assertEquals(new TimeZoneSetting("<+05>-05", ZoneOffset.ofHours(5)), TimeZoneSetting.parse("TimeZone", "5"));
        assertEquals(new TimeZoneSetting("<-03:30>+03:30", ZoneOffset.ofHoursMinutes(-3, -30)), TimeZoneSetting.parse("TimeZone", "-3.5"));
        assertEquals(new TimeZoneSetting("<+02>-02", ZoneOffset.ofHours(2)), TimeZoneSetting.parse("TimeZone", "INTERVAL '+02:00'"));
        // POSIX offsets count west of Greenwich.
        assertEquals(new TimeZoneSetting("UTC+3", ZoneOffset.ofHours(-3)), TimeZoneSetting.parse("TimeZone", "UTC+3"));
        assertEquals(ZoneOffset.ofHoursMinutes(3, 30), TimeZoneSetting.zoneOf("<+0330>-03:30"));
        assertEquals(ZoneOffset.ofHours(-5), TimeZoneSetting.parse("TimeZone", "EST").zone());
        assertEquals(ZoneOffset.ofHours(-3), TimeZoneSetting.zoneOf(TimeZoneSetting.parse("TimeZone", "-3").shown()));
        SqlException mars = assertThrows(SqlException.class, () -> TimeZoneSetting.parse("TimeZone", "Mars/Base"));
        assertEquals("22023", mars.state().code());
        assertEquals("invalid value for parameter \"TimeZone\": \"Mars/Base\"", mars.getMessage());
        assertThrows(SqlException.class, () -> TimeZoneSetting.parse("TimeZone", "pdt"));
        SqlException days = assertThrows(SqlException.class, () -> TimeZoneSetting.parse("TimeZone", "INTERVAL '1 day'"));
        assertEquals("Cannot specify days in time zone interval.", days.detail());
    }
}
