package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL's operators on dates, times, timestamps and intervals (timestamp.c, date.c):
 * adding an interval adds its months on the calendar (the day clamped to the month's end),
 * then its days, then its time; subtracting two timestamps gives days and time
 * (justify_hours); date minus date is a day count. A timestamptz gets an interval's months and
 * days on the session zone's calendar, keeping its wall-clock time across a change to or from
 * summer time, and the interval's time as elapsed time (timestamptz_pl_interval): in Berlin,
 * 2021-03-27 12:00+01 plus 1 day is 2021-03-28 12:00+02, plus 24 hours 2021-03-28 13:00+02.
 */
public final class DateTimeArithmetic {
    private DateTimeArithmetic() {}

    /** a op b for op + or -, or null when neither operand is a date/time type. */
    public static Object apply(char op, Object a, Object b, ZoneId zone) {
        if (op == '+') {
            return plus(a, b, zone);
        }
        if (op == '-') {
            return minus(a, b, zone);
        }
        if (op == '*') {
            if (a instanceof Interval i && b instanceof Number n) {
                return i.times(n.doubleValue());
            }
            if (b instanceof Interval i && a instanceof Number n) {
                return i.times(n.doubleValue());
            }
        }
        if (op == '/' && a instanceof Interval i && b instanceof Number n) {
            return i.dividedBy(n.doubleValue());
        }
        return null;
    }

    private static Object plus(Object a, Object b, ZoneId zone) {
        if (a instanceof Interval && !(b instanceof Interval)) {
            return plus(b, a, zone);
        }
        if (a instanceof Number && b instanceof LocalDate) {
            return plus(b, a, zone);
        }
        if (a instanceof LocalTime && b instanceof LocalDate) {
            return plus(b, a, zone);
        }
        return switch (a) {
            case Interval x when b instanceof Interval y -> x.plus(y);
            case LocalDateTime t when b instanceof Interval i -> plus(t, i);
            case Instant t when b instanceof Interval i -> plus(t, i, zone);
            case LocalDate d when b instanceof Interval i -> plus(d.atStartOfDay(), i);
            case LocalDate d when b instanceof LocalTime t -> d.atTime(t);
            case LocalDate d when b instanceof Number n -> plusDays(d, n.longValue());
            case LocalTime t when b instanceof Interval i -> t.plusNanos(Math.floorMod(i.micros(), Interval.MICROS_PER_DAY) * 1000);
            default -> null;
        };
    }

    private static Object minus(Object a, Object b, ZoneId zone) {
        return switch (a) {
            case Interval x when b instanceof Interval y -> x.minus(y);
            case LocalDateTime t when b instanceof Interval i -> plus(t, i.negate());
            case Instant t when b instanceof Interval i -> plus(t, i.negate(), zone);
            case LocalDate d when b instanceof Interval i -> plus(d.atStartOfDay(), i.negate());
            case LocalDate d when b instanceof Number n -> plusDays(d, -n.longValue());
            case LocalDate d when b instanceof LocalDate e -> (int) (d.toEpochDay() - e.toEpochDay());
            case LocalTime t when b instanceof Interval i -> t.minusNanos(Math.floorMod(i.micros(), Interval.MICROS_PER_DAY) * 1000);
            case LocalTime t when b instanceof LocalTime u -> new Interval(0, 0, (t.toNanoOfDay() - u.toNanoOfDay()) / 1000);
            case LocalDateTime t when b instanceof LocalDateTime u -> difference(t.toInstant(ZoneOffset.UTC), u.toInstant(ZoneOffset.UTC));
            case Instant t when b instanceof Instant u -> difference(t, u);
            case LocalDateTime t when b instanceof LocalDate d -> difference(t.toInstant(ZoneOffset.UTC), d.atStartOfDay().toInstant(ZoneOffset.UTC));
            case LocalDate d when b instanceof LocalDateTime t -> difference(d.atStartOfDay().toInstant(ZoneOffset.UTC), t.toInstant(ZoneOffset.UTC));
            default -> null;
        };
    }

    private static Interval difference(Instant a, Instant b) {
        long micros = ChronoUnit.MICROS.between(b, a);
        return new Interval(0, 0, micros).justifyHours();
    }

    /** PostgreSQL's date range: Julian day 0 (4714-11-24 BC) to 5874897-12-31 (datatype-datetime.html). */
    private static final LocalDate FIRST_DATE = LocalDate.of(-4713, 11, 24);
    private static final LocalDate LAST_DATE = LocalDate.of(5874897, 12, 31);
    /** PostgreSQL's timestamp range: 4714-11-24 BC to 294276-12-31 23:59:59.999999. */
    private static final LocalDateTime FIRST_TIMESTAMP = FIRST_DATE.atStartOfDay();
    private static final LocalDateTime END_OF_TIMESTAMPS = LocalDate.of(294277, 1, 1).atStartOfDay();

    private static LocalDate plusDays(LocalDate d, long days) {
        try {
            LocalDate result = d.plusDays(days);
            if (result.isBefore(FIRST_DATE) || result.isAfter(LAST_DATE)) {
                throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
            }
            return result;
        } catch (DateTimeException e) {
            throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
        }
    }

    /**
     * timestamptz_pl_interval: months, then days, on the zone's calendar (each step read in the
     * zone again, a skipped hour moving forward), then the time as elapsed microseconds.
     */
    private static Instant plus(Instant t, Interval i, ZoneId zone) {
        try {
            Instant result = t;
            if (i.months() != 0) {
                result = ZonedTimes.instantOf(LocalDateTime.ofInstant(result, zone).plusMonths(i.months()), zone);
            }
            if (i.days() != 0) {
                result = ZonedTimes.instantOf(LocalDateTime.ofInstant(result, zone).plusDays(i.days()), zone);
            }
            return result.plus(i.micros(), ChronoUnit.MICROS);
        } catch (DateTimeException | ArithmeticException e) {
            throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }

    private static LocalDateTime plus(LocalDateTime t, Interval i) {
        try {
            LocalDateTime result = t.plusMonths(i.months()).plusDays(i.days()).plus(i.micros(), ChronoUnit.MICROS);
            if (result.isBefore(FIRST_TIMESTAMP) || !result.isBefore(END_OF_TIMESTAMPS)) {
                throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
            }
            return result;
        } catch (DateTimeException | ArithmeticException e) {
            throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }
}
