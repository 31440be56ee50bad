package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Results as PostgreSQL 15's extract prints them. */
class DateTimeFieldsTest {
    private static final LocalDateTime AT = LocalDateTime.of(2024, 3, 5, 14, 7, 9, 500_000_000);

    @Test
    void fieldsOfATimestamp() {
        assertEquals(new BigDecimal("2024"), DateTimeFields.extract("year", AT, ZoneOffset.UTC));
        assertEquals(new BigDecimal("9.500000"), DateTimeFields.extract("second", AT, ZoneOffset.UTC));
        assertEquals(new BigDecimal("9500.000"), DateTimeFields.extract("milliseconds", AT, ZoneOffset.UTC));
        assertEquals(new BigDecimal("1709647629.500000"), DateTimeFields.extract("epoch", AT, ZoneOffset.UTC));
        assertEquals(new BigDecimal("2"), DateTimeFields.extract("dow", AT, ZoneOffset.UTC));
        assertEquals(new BigDecimal("10"), DateTimeFields.extract("week", AT, ZoneOffset.UTC));
        assertEquals(new BigDecimal("21"), DateTimeFields.extract("century", AT, ZoneOffset.UTC));
    }

    @Test
    void datesHaveNoTimeOfDayAndTimestamptzIsInUtc() {
        assertEquals(new BigDecimal("1709596800"), DateTimeFields.extract("epoch", LocalDate.of(2024, 3, 5), ZoneOffset.UTC));
        SqlException e = assertThrows(SqlException.class, () -> DateTimeFields.extract("hour", LocalDate.of(2024, 3, 5), ZoneOffset.UTC));
        assertEquals("unit \"hour\" not supported for type date", e.getMessage());
        assertEquals(new BigDecimal("12"), DateTimeFields.extract("hour", Instant.parse("2024-03-05T12:07:09Z"), ZoneOffset.UTC));
        assertThrows(SqlException.class, () -> DateTimeFields.extract("fortnight", AT, ZoneOffset.UTC));
    }
}
