package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * extract / date_part on date, timestamp and timestamptz (in the session zone, UTC), with
 * PostgreSQL 15's field names and results: numeric, exact to the microsecond (seconds, epoch).
 */
public final class DateTimeFields {
    private DateTimeFields() {}

    public static BigDecimal extract(String field, Object value) {
        String unit = field.toLowerCase(Locale.ROOT).strip();
        LocalDateTime t = local(value);
        boolean date = value instanceof LocalDate;
        long micros = t.getNano() / 1000;
        return switch (unit) {
            case "year", "years" -> BigDecimal.valueOf(t.getYear());
            case "month", "months", "mon" -> BigDecimal.valueOf(t.getMonthValue());
            case "day", "days" -> BigDecimal.valueOf(t.getDayOfMonth());
            case "hour", "hours" -> timeField(date, unit, t.getHour());
            case "minute", "minutes", "min" -> timeField(date, unit, t.getMinute());
            case "second", "seconds", "sec" -> date ? timeField(true, unit, 0)
                    : BigDecimal.valueOf(t.getSecond() * 1_000_000L + micros, 6);
            case "milliseconds", "millisecond", "ms" -> date ? timeField(true, unit, 0)
                    : BigDecimal.valueOf(t.getSecond() * 1_000_000L + micros, 3);
            case "microseconds", "microsecond", "us" -> date ? timeField(true, unit, 0)
                    : BigDecimal.valueOf(t.getSecond() * 1_000_000L + micros);
            case "dow" -> BigDecimal.valueOf(t.getDayOfWeek().getValue() % 7);
            case "isodow" -> BigDecimal.valueOf(t.getDayOfWeek().getValue());
            case "doy" -> BigDecimal.valueOf(t.getDayOfYear());
            case "week" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "isoyear" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case "quarter" -> BigDecimal.valueOf((t.getMonthValue() + 2) / 3);
            case "decade" -> BigDecimal.valueOf(Math.floorDiv(t.getYear(), 10));
            case "century" -> BigDecimal.valueOf(t.getYear() > 0 ? (t.getYear() + 99) / 100 : -((99 - t.getYear()) / 100));
            case "millennium" -> BigDecimal.valueOf(t.getYear() > 0 ? (t.getYear() + 999) / 1000 : -((999 - t.getYear()) / 1000));
            case "epoch" -> {
                long seconds = t.toEpochSecond(ZoneOffset.UTC);
                yield date ? BigDecimal.valueOf(seconds) : BigDecimal.valueOf(seconds * 1_000_000L + micros, 6);
            }
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not recognized for type " + typeName(value));
        };
    }

    private static BigDecimal timeField(boolean date, String unit, int value) {
        if (date) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "unit \"" + unit + "\" not supported for type date");
        }
        return BigDecimal.valueOf(value);
    }

    private static LocalDateTime local(Object value) {
        return switch (value) {
            case LocalDateTime t -> t;
            case LocalDate d -> d.atStartOfDay();
            case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            default -> throw new SqlException(SqlState.UNDEFINED_FUNCTION, "function date_part(unknown, " + Values.typeName(value) + ") does not exist");
        };
    }

    private static String typeName(Object value) {
        return Values.typeName(value);
    }
}
