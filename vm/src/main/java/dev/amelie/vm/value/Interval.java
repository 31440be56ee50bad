package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

/**
 * An interval as PostgreSQL keeps it: months, days and microseconds apart, because a month and
 * a day have no fixed length until added to a date. Equality, hashing and order follow
 * interval_cmp_value (a month counts 30 days, a day 24 hours), so '1 day' equals '24 hours'
 * as in PostgreSQL, while the fields stay as written for output and arithmetic.
 */
public record Interval(int months, int days, long micros) implements Comparable<Interval> {
    public static final long MICROS_PER_DAY = 86_400_000_000L;
    public static final long MICROS_PER_HOUR = 3_600_000_000L;
    public static final long MICROS_PER_MINUTE = 60_000_000L;
    public static final long MICROS_PER_SECOND = 1_000_000L;

    /** Whole days (months as 30 days) and the microseconds within the last day, for comparison. */
    private long spanDays() {
        return months * 30L + days + Math.floorDiv(micros, MICROS_PER_DAY);
    }

    private long spanMicros() {
        return Math.floorMod(micros, MICROS_PER_DAY);
    }

    @Override
    public int compareTo(Interval other) {
        int byDays = Long.compare(spanDays(), other.spanDays());
        return byDays != 0 ? byDays : Long.compare(spanMicros(), other.spanMicros());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Interval i && compareTo(i) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(spanDays()) * 31 + Long.hashCode(spanMicros());
    }

    /** The postgres IntervalStyle output: {@code 1 year 2 mons -3 days +04:05:06.5}. */
    @Override
    public String toString() {
        return IntervalText.format(this);
    }

    public Interval negate() {
        if (months == Integer.MIN_VALUE || days == Integer.MIN_VALUE || micros == Long.MIN_VALUE) {
            throw outOfRange();
        }
        return new Interval(-months, -days, -micros);
    }

    public Interval plus(Interval other) {
        try {
            return new Interval(Math.addExact(months, other.months), Math.addExact(days, other.days),
                    Math.addExact(micros, other.micros));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    public Interval minus(Interval other) {
        try {
            return new Interval(Math.subtractExact(months, other.months), Math.subtractExact(days, other.days),
                    Math.subtractExact(micros, other.micros));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /**
     * interval_mul (timestamp.c): each field scaled, and what a month or a day leaves over in
     * fractions cascades down (a month as 30 days, a day as 24 hours), rounded to microseconds.
     */
    public Interval times(double factor) {
        if (Double.isNaN(factor)) {
            throw outOfRange();
        }
        double monthsScaled = months * factor;
        double daysScaled = days * factor;
        if (Math.abs(monthsScaled) >= 2147483648.0 || Math.abs(daysScaled) >= 2147483648.0) {
            throw outOfRange();
        }
        int resultMonths = (int) monthsScaled;
        int resultDays = (int) daysScaled;
        double monthRemainderDays = round6((monthsScaled - resultMonths) * 30);
        double secondRemainder = round6((daysScaled - resultDays + monthRemainderDays - (int) monthRemainderDays) * 86400);
        if (Math.abs(secondRemainder) >= 86400) {
            resultDays += (int) (secondRemainder / 86400);
            secondRemainder -= (int) (secondRemainder / 86400) * 86400.0;
        }
        resultDays += (int) monthRemainderDays;
        double time = Math.rint(micros * factor + secondRemainder * 1e6);
        if (Double.isNaN(time) || Math.abs(time) >= 9.223372036854775807e18) {
            throw outOfRange();
        }
        return new Interval(resultMonths, resultDays, (long) time);
    }

    /** interval_div: as {@link #times} with the reciprocal, division by zero is 22012. */
    public Interval dividedBy(double divisor) {
        if (divisor == 0) {
            throw new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        return times(1 / divisor);
    }

    private static double round6(double value) {
        return Math.rint(value * 1e6) / 1e6;
    }

    /**
     * interval_justify_hours: whole days out of the microseconds, with days and time given one
     * sign (timestamp minus timestamp yields this).
     */
    public Interval justifyHours() {
        long wholeDays = micros / MICROS_PER_DAY;
        long time = micros - wholeDays * MICROS_PER_DAY;
        long newDays = days + wholeDays;
        if (newDays > 0 && time < 0) {
            time += MICROS_PER_DAY;
            newDays--;
        } else if (newDays < 0 && time > 0) {
            time -= MICROS_PER_DAY;
            newDays++;
        }
        if (newDays != (int) newDays) {
            throw outOfRange();
        }
        return new Interval(months, (int) newDays, time);
    }

    /** extract(epoch from interval): seconds, with a year as 365.25 days and a month as 30. */
    public java.math.BigDecimal epochSeconds() {
        long wholeMonths = months;
        java.math.BigDecimal seconds = java.math.BigDecimal.valueOf(micros, 6);
        long yearDays = (wholeMonths / 12) * 36525L; // hundredths of days
        long monthDays = (wholeMonths % 12) * 30L;
        return seconds.add(java.math.BigDecimal.valueOf(yearDays * 864L))
                .add(java.math.BigDecimal.valueOf((monthDays + days) * 86400L));
    }

    static SqlException outOfRange() {
        return new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }
}
