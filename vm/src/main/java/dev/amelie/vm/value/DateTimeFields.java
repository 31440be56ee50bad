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
 * extract / date_part on date, timestamp and timestamptz (its fields as the session zone's
 * clocks show them, its epoch the instant's), with PostgreSQL 15's field names and results:
 * numeric, exact to the microsecond (seconds, epoch).
 */
public final class DateTimeFields {
    private DateTimeFields() {}

    public static BigDecimal extract(String field, Object value, java.time.ZoneId zone) {
        String unit = field.toLowerCase(Locale.ROOT).strip();
        if (value instanceof Interval interval) {
            return intervalField(unit, interval);
        }
        if (value instanceof java.time.LocalTime time) {
            return timeField(unit, time);
        }
        LocalDateTime t = local(value, zone);
        boolean date = value instanceof LocalDate;
        if (value instanceof Instant instant) {
            int offset = zone.getRules().getOffset(instant).getTotalSeconds();
            switch (unit) {
                case "timezone" -> {
                    return BigDecimal.valueOf(offset);
                }
                case "timezone_hour" -> {
                    return BigDecimal.valueOf(offset / 3600);
                }
                case "timezone_minute" -> {
                    return BigDecimal.valueOf(offset / 60 % 60);
                }
                case "epoch" -> {
                    return BigDecimal.valueOf(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000, 6);
                }
                default -> { }
            }
        }
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
            case "julian" -> julian(t, date, zone);
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

    /**
     * The Julian day: the day number (2000-01-01 is 2451545) plus the fraction of the day gone,
     * as numeric division gives it (a date: the whole day number).
     */
    private static BigDecimal julian(LocalDateTime t, boolean date, java.time.ZoneId zone) {
        BigDecimal day = BigDecimal.valueOf(t.toLocalDate().toEpochDay() + 2_440_588L);
        if (date) {
            return day;
        }
        BigDecimal micros = BigDecimal.valueOf(t.toLocalTime().toNanoOfDay() / 1000);
        BigDecimal fraction = (BigDecimal) Values.arithmetic('/', micros, BigDecimal.valueOf(Interval.MICROS_PER_DAY),
                dev.amelie.vm.type.SqlType.NUMERIC, zone);
        return day.add(fraction);
    }

    /** interval_part: fields of months, days and time as written, not normalized across them. */
    private static BigDecimal intervalField(String unit, Interval i) {
        long time = i.micros();
        long hours = time / Interval.MICROS_PER_HOUR;
        long minutes = time % Interval.MICROS_PER_HOUR / Interval.MICROS_PER_MINUTE;
        long secondMicros = time % Interval.MICROS_PER_MINUTE;
        int years = i.months() / 12;
        return switch (unit) {
            case "microseconds", "microsecond", "us" -> BigDecimal.valueOf(secondMicros);
            case "milliseconds", "millisecond", "ms" -> BigDecimal.valueOf(secondMicros, 3);
            case "second", "seconds", "sec" -> BigDecimal.valueOf(secondMicros, 6);
            case "minute", "minutes", "min" -> BigDecimal.valueOf(minutes);
            case "hour", "hours" -> BigDecimal.valueOf(hours);
            case "day", "days" -> BigDecimal.valueOf(i.days());
            case "month", "months", "mon" -> BigDecimal.valueOf(i.months() % 12);
            case "quarter" -> BigDecimal.valueOf(i.months() % 12 / 3 + 1);
            case "year", "years" -> BigDecimal.valueOf(years);
            case "decade" -> BigDecimal.valueOf(years / 10);
            case "century" -> BigDecimal.valueOf(years / 100);
            case "millennium" -> BigDecimal.valueOf(years / 1000);
            case "epoch" -> i.epochSeconds();
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not supported for type interval");
        };
    }

    private static BigDecimal timeField(String unit, java.time.LocalTime time) {
        long micros = time.getNano() / 1000;
        long secondMicros = time.getSecond() * 1_000_000L + micros;
        return switch (unit) {
            case "microseconds", "microsecond", "us" -> BigDecimal.valueOf(secondMicros);
            case "milliseconds", "millisecond", "ms" -> BigDecimal.valueOf(secondMicros, 3);
            case "second", "seconds", "sec" -> BigDecimal.valueOf(secondMicros, 6);
            case "minute", "minutes", "min" -> BigDecimal.valueOf(time.getMinute());
            case "hour", "hours" -> BigDecimal.valueOf(time.getHour());
            case "epoch" -> BigDecimal.valueOf(time.toNanoOfDay() / 1000, 6);
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not supported for type time without time zone");
        };
    }

    private static BigDecimal timeField(boolean date, String unit, int value) {
        if (date) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "unit \"" + unit + "\" not supported for type date");
        }
        return BigDecimal.valueOf(value);
    }

    private static LocalDateTime local(Object value, java.time.ZoneId zone) {
        return switch (value) {
            case LocalDateTime t -> t;
            case LocalDate d -> d.atStartOfDay();
            case Instant i -> LocalDateTime.ofInstant(i, zone);
            default -> throw new SqlException(SqlState.UNDEFINED_FUNCTION, "function date_part(unknown, " + Values.typeName(value) + ") does not exist");
        };
    }

    private static String typeName(Object value) {
        return Values.typeName(value);
    }
}
