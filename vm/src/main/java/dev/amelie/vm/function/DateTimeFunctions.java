package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.value.Interval;
import dev.amelie.vm.value.Values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * PostgreSQL's date and time functions (timestamp.c, date.c): date_trunc, age, to_timestamp,
 * make_date, make_timestamp, justify_*, timezone. A timestamptz is truncated and compared field by
 * field as the session zone's clocks show it.
 */
final class DateTimeFunctions {
    private DateTimeFunctions() {}

    static Object call(Function function, Object[] r, int first, int count, ZoneId zone) {
        return switch (function) {
            case DATE_TRUNC -> count > 2
                    ? dateTruncIn(Values.toText(r[first]).toLowerCase(Locale.ROOT).strip(), (Instant) r[first + 1],
                            TimeZones.zone(Values.toText(r[first + 2])))
                    : r[first + 1] instanceof Instant instant
                    ? dateTruncIn(Values.toText(r[first]).toLowerCase(Locale.ROOT).strip(), instant, zone)
                    : dateTrunc(Values.toText(r[first]).toLowerCase(Locale.ROOT).strip(), r[first + 1]);
            case AGE -> age(local(r[first], zone), local(r[first + 1], zone));
            case TO_TIMESTAMP -> toTimestamp(((Number) r[first]).doubleValue());
            case MAKE_DATE -> makeDate(integer(r[first]), integer(r[first + 1]), integer(r[first + 2]));
            case MAKE_TIMESTAMP -> makeDate(integer(r[first]), integer(r[first + 1]), integer(r[first + 2]))
                    .atStartOfDay().plusHours(integer(r[first + 3])).plusMinutes(integer(r[first + 4]))
                    .plus(Math.round(((Number) r[first + 5]).doubleValue() * 1e6), ChronoUnit.MICROS);
            case JUSTIFY_HOURS -> ((Interval) r[first]).justifyHours();
            case JUSTIFY_DAYS -> justifyDays((Interval) r[first]);
            case JUSTIFY_INTERVAL -> justifyInterval((Interval) r[first]);
            case TIMEZONE -> atTimeZone(r[first + 1], Values.toText(r[first]));
            case AT_TIME_ZONE -> atTimeZone(r[first], Values.toText(r[first + 1]));
            default -> throw new IllegalArgumentException(function.name());
        };
    }

    /** timestamp to timestamptz in the zone, or timestamptz to the zone's timestamp. */
    private static Object atTimeZone(Object value, String zone) {
        return value instanceof Instant instant ? TimeZones.localIn(instant, TimeZones.zone(zone))
                : TimeZones.atZone(local(value, ZoneOffset.UTC), TimeZones.zone(zone));
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    /** A timestamptz as the zone's clocks show it; the others as they are. */
    private static LocalDateTime local(Object value, ZoneId zone) {
        return switch (value) {
            case LocalDateTime t -> t;
            case Instant t -> LocalDateTime.ofInstant(t, zone);
            case LocalDate d -> d.atStartOfDay();
            default -> throw new IllegalArgumentException(value.getClass().getName());
        };
    }

    /** date_trunc(unit, timestamp | timestamptz | interval): the value with every finer field zero. */
    private static Object dateTrunc(String unit, Object value) {
        if (value instanceof Interval i) {
            return truncInterval(unit, i);
        }
        LocalDateTime t = local(value, ZoneOffset.UTC);
        LocalDateTime truncated = switch (unit) {
            case "microseconds" -> t;
            case "milliseconds" -> t.truncatedTo(ChronoUnit.MILLIS);
            case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> t.truncatedTo(ChronoUnit.DAYS);
            case "week" -> t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case "month" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "quarter" -> LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "year" -> LocalDate.of(t.getYear(), 1, 1).atStartOfDay();
            case "decade" -> LocalDate.of(Math.floorDiv(t.getYear(), 10) * 10, 1, 1).atStartOfDay();
            case "century" -> LocalDate.of(t.getYear() > 0 ? (t.getYear() - 1) / 100 * 100 + 1 : -((99 - t.getYear()) / 100 * 100) + 1, 1, 1).atStartOfDay();
            case "millennium" -> LocalDate.of(t.getYear() > 0 ? (t.getYear() - 1) / 1000 * 1000 + 1 : -((999 - t.getYear()) / 1000 * 1000) + 1, 1, 1).atStartOfDay();
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not recognized for type " + Values.typeName(value));
        };
        return value instanceof LocalDateTime ? truncated : truncated.toInstant(ZoneOffset.UTC);
    }

    /**
     * date_trunc(unit, timestamptz[, zone]): truncated as the zone's clocks show it (the session's
     * zone without one). Units up to
     * the hour keep the value's own offset, so 01:40 of either side of a change back from
     * summer time truncates to its own 01:00; a day or more is read in the zone again
     * (timestamptz_trunc_internal's redotz).
     */
    private static Instant dateTruncIn(String unit, Instant value, ZoneId zone) {
        dateTrunc(unit, value); // an unknown unit is an error for timestamptz's sake, before the zone's
        java.time.ZonedDateTime zoned = value.atZone(zone);
        LocalDateTime truncated = (LocalDateTime) dateTrunc(unit, zoned.toLocalDateTime());
        return switch (unit) {
            case "microseconds", "milliseconds", "second", "minute", "hour" -> truncated.toInstant(zoned.getOffset());
            default -> TimeZones.atZone(truncated, zone);
        };
    }

    private static Interval truncInterval(String unit, Interval i) {
        long time = i.micros();
        return switch (unit) {
            case "microseconds" -> i;
            case "milliseconds" -> new Interval(i.months(), i.days(), time / 1000 * 1000);
            case "second" -> new Interval(i.months(), i.days(), time / 1_000_000 * 1_000_000);
            case "minute" -> new Interval(i.months(), i.days(), time / Interval.MICROS_PER_MINUTE * Interval.MICROS_PER_MINUTE);
            case "hour" -> new Interval(i.months(), i.days(), time / Interval.MICROS_PER_HOUR * Interval.MICROS_PER_HOUR);
            case "day" -> new Interval(i.months(), i.days(), 0);
            case "month" -> new Interval(i.months(), 0, 0);
            case "quarter" -> new Interval(i.months() / 12 * 12 + i.months() % 12 / 3 * 3, 0, 0);
            case "year" -> new Interval(i.months() / 12 * 12, 0, 0);
            case "decade" -> new Interval(i.months() / 120 * 120, 0, 0);
            case "century" -> new Interval(i.months() / 1200 * 1200, 0, 0);
            case "millennium" -> new Interval(i.months() / 12000 * 12000, 0, 0);
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not supported for type interval");
        };
    }

    /**
     * age(a, b): the symbolic difference, field by field, with negative fields borrowed from the
     * next larger one; a borrowed month has the days of the earlier timestamp's month
     * (timestamp_age).
     */
    private static Interval age(LocalDateTime a, LocalDateTime b) {
        boolean negative = a.isBefore(b);
        long micros = (a.getNano() - b.getNano()) / 1000;
        int sec = a.getSecond() - b.getSecond();
        int min = a.getMinute() - b.getMinute();
        int hour = a.getHour() - b.getHour();
        int day = a.getDayOfMonth() - b.getDayOfMonth();
        int mon = a.getMonthValue() - b.getMonthValue();
        int year = a.getYear() - b.getYear();
        if (negative) {
            micros = -micros;
            sec = -sec;
            min = -min;
            hour = -hour;
            day = -day;
            mon = -mon;
            year = -year;
        }
        while (micros < 0) {
            micros += 1_000_000;
            sec--;
        }
        while (sec < 0) {
            sec += 60;
            min--;
        }
        while (min < 0) {
            min += 60;
            hour--;
        }
        while (hour < 0) {
            hour += 24;
            day--;
        }
        LocalDateTime borrowFrom = negative ? a : b;
        while (day < 0) {
            day += borrowFrom.toLocalDate().lengthOfMonth();
            mon--;
        }
        while (mon < 0) {
            mon += 12;
            year--;
        }
        long time = ((hour * 60L + min) * 60 + sec) * 1_000_000 + micros;
        Interval result = new Interval(year * 12 + mon, day, time);
        return negative ? result.negate() : result;
    }

    /** to_timestamp(epoch seconds): a timestamptz, to the microsecond. */
    private static Instant toTimestamp(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
        }
        if (Double.isInfinite(seconds)) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "infinite timestamps are not supported yet");
        }
        BigDecimal micros = BigDecimal.valueOf(seconds).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN);
        try {
            return Instant.EPOCH.plus(micros.longValueExact(), ChronoUnit.MICROS);
        } catch (ArithmeticException | DateTimeException e) {
            throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + Values.toText(seconds) + "\"");
        }
    }

    private static LocalDate makeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year < 0 ? year + 1 : year, month, day);
        } catch (DateTimeException e) {
            throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + (month < 10 ? "0" : "") + month + "-" + (day < 10 ? "0" : "") + day);
        }
    }

    /** interval_justify_interval: days and time first when they share a sign, then months, then days and time, one sign for all. */
    private static Interval justifyInterval(Interval i) {
        long months = i.months();
        long days = i.days();
        long time = i.micros();
        if (days > 0 && time > 0 || days < 0 && time < 0) {
            days += time / Interval.MICROS_PER_DAY;
            time %= Interval.MICROS_PER_DAY;
        }
        months += days / 30;
        days %= 30;
        days += time / Interval.MICROS_PER_DAY;
        time %= Interval.MICROS_PER_DAY;
        if (months > 0 && (days < 0 || days == 0 && time < 0)) {
            days += 30;
            months--;
        } else if (months < 0 && (days > 0 || days == 0 && time > 0)) {
            days -= 30;
            months++;
        }
        if (days > 0 && time < 0) {
            time += Interval.MICROS_PER_DAY;
            days--;
        } else if (days < 0 && time > 0) {
            time -= Interval.MICROS_PER_DAY;
            days++;
        }
        return new Interval((int) months, (int) days, time);
    }

    /** justify_days: whole 30-day months out of the days, days and months given one sign. */
    private static Interval justifyDays(Interval i) {
        int months = i.months() + i.days() / 30;
        int days = i.days() % 30;
        if (months > 0 && days < 0) {
            days += 30;
            months--;
        } else if (months < 0 && days > 0) {
            days -= 30;
            months++;
        }
        return new Interval(months, days, i.micros());
    }
}
