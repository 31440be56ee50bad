package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Input and output as PostgreSQL 15 reads and prints them (DateStyle ISO, TimeZone UTC). */
class DateTimeTextTest {

    @Test
    void readsIsoTimestampsAndPrintsThemAsPostgresDoes() {
        assertEquals("2024-03-05 14:07:09.5", DateTimeText.formatTimestamp(DateTimeText.parseTimestamp("2024-03-05 14:07:09.500")));
        assertEquals("2024-03-05 01:02:03", DateTimeText.formatTimestamp(DateTimeText.parseTimestamp("2024-03-05T01:02:03")));
        assertEquals("2000-01-01 00:00:00", DateTimeText.formatTimestamp(DateTimeText.parseTimestamp(" 2000-01-01 ")));
        assertEquals("2024-01-01 10:30:00", DateTimeText.formatTimestamp(DateTimeText.parseTimestamp("2024-01-01 10:30")));
        assertEquals("2024-01-02 00:00:00", DateTimeText.formatTimestamp(DateTimeText.parseTimestamp("2024-01-01 24:00:00")));
        // Seven fraction digits round to six, carrying into the next day.
        assertEquals("2024-01-02 00:00:00", DateTimeText.formatTimestamp(DateTimeText.parseTimestamp("2024-01-01 23:59:59.9999996")));
        // A zone in timestamp input is ignored, as PostgreSQL does.
        assertEquals("2024-01-01 10:00:00", DateTimeText.formatTimestamp(DateTimeText.parseTimestamp("2024-01-01 10:00:00+05")));
    }

    @Test
    void timestamptzTakesZonesAndPrintsUtc() {
        assertEquals("2024-03-05 12:07:09.123456+00", DateTimeText.formatTimestamptz(DateTimeText.parseTimestamptz("2024-03-05 14:07:09.123456+02", ZoneOffset.UTC), ZoneOffset.UTC));
        assertEquals("1970-01-01 05:30:00+00", DateTimeText.formatTimestamptz(DateTimeText.parseTimestamptz("1970-01-01 00:00:00-05:30", ZoneOffset.UTC), ZoneOffset.UTC));
        assertEquals("2024-03-05 14:07:09+00", DateTimeText.formatTimestamptz(DateTimeText.parseTimestamptz("2024-03-05 14:07:09Z", ZoneOffset.UTC), ZoneOffset.UTC));
        assertEquals("2024-03-05 14:07:09+00", DateTimeText.formatTimestamptz(DateTimeText.parseTimestamptz("2024-03-05 14:07:09 UTC", ZoneOffset.UTC), ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-05T14:07:09Z"), DateTimeText.parseTimestamptz("2024-03-05 14:07:09", ZoneOffset.UTC));
    }

    @Test
    void datesIgnoreATime() {
        assertEquals(LocalDate.of(2020, 2, 29), DateTimeText.parseDate("2020-02-29"));
        assertEquals(LocalDate.of(2020, 2, 29), DateTimeText.parseDate("2020-02-29 13:00"));
        assertEquals("0099-01-09", DateTimeText.formatDate(LocalDate.of(99, 1, 9)));
    }

    @Test
    void errorsAreThoseOfPostgres() {
        SqlException range = assertThrows(SqlException.class, () -> DateTimeText.parseDate("2024-02-30"));
        assertEquals("22008", range.state().code());
        assertEquals("date/time field value out of range: \"2024-02-30\"", range.getMessage());
        SqlException syntax = assertThrows(SqlException.class, () -> DateTimeText.parseTimestamp("junk"));
        assertEquals("22007", syntax.state().code());
        assertEquals("invalid input syntax for type timestamp: \"junk\"", syntax.getMessage());
        assertThrows(SqlException.class, () -> DateTimeText.parseTimestamp("2024-01-01 10:00 tomorrow"));
    }

    @Test
    void microsecondsRoundHalfUp() {
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 2000),
                DateTimeText.toMicros(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1500)));
    }
}
