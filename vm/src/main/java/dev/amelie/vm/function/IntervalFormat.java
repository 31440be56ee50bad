package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.value.Interval;

import java.util.Locale;

/**
 * The template patterns of to_char(interval, format), as PostgreSQL 15's interval_to_char and
 * DCH_to_char with is_interval: the interval's fields as they are (years, months under 12, days,
 * hours beyond 24, minutes, seconds, microseconds, all negative when the part is), the day of
 * the year as (years × 12 + months) × 30 + days, and the ISO and Julian patterns computed from
 * those fields as if they were a date. Patterns that need a calendar date or a zone (day and
 * month names, BC/AD, TZ) are 22007.
 */
final class IntervalFormat {
    private IntervalFormat() {}

    private static final String[] ROMAN = {"XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I"};

    /** The interval's fields as interval2itm gives them. */
    private record Fields(int year, int month, int day, long hour, int minute, int second, int micros) {
        static Fields of(Interval interval) {
            long time = interval.micros();
            long hour = time / Interval.MICROS_PER_HOUR;
            time -= hour * Interval.MICROS_PER_HOUR;
            int minute = (int) (time / Interval.MICROS_PER_MINUTE);
            time -= minute * Interval.MICROS_PER_MINUTE;
            int second = (int) (time / Interval.MICROS_PER_SECOND);
            time -= second * Interval.MICROS_PER_SECOND;
            return new Fields(interval.months() / 12, interval.months() % 12, interval.days(), hour, minute, second, (int) time);
        }

        int yearDay() {
            return (year * 12 + month) * 30 + day;
        }
    }

    static String field(String pattern, Interval interval, boolean fill) {
        Fields f = Fields.of(interval);
        return switch (pattern.toUpperCase(Locale.ROOT)) {
            case "HH", "HH12" -> c(f.hour % 12 == 0 ? 12 : f.hour % 12, fill ? 0 : f.hour >= 0 ? 2 : 3);
            case "HH24" -> c(f.hour, fill ? 0 : f.hour >= 0 ? 2 : 3);
            case "MI" -> c(f.minute, fill ? 0 : f.minute >= 0 ? 2 : 3);
            case "SS" -> c(f.second, fill ? 0 : f.second >= 0 ? 2 : 3);
            case "MS" -> c(f.micros / 1000, fill ? 0 : f.micros >= 0 ? 3 : 4);
            case "US" -> c(f.micros, fill ? 0 : f.micros >= 0 ? 6 : 7);
            case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" -> {
                int digits = pattern.charAt(2) - '0';
                yield c(f.micros / (long) Math.pow(10, 6 - digits), digits);
            }
            case "SSSS", "SSSSS" -> Long.toString(f.hour * 3600 + f.minute * 60L + f.second);
            case "AM", "PM" -> cased(f.hour % 24 >= 12 ? "PM" : "AM", pattern);
            case "A.M.", "P.M." -> cased(f.hour % 24 >= 12 ? "P.M." : "A.M.", pattern);
            case "Y,YYY" -> (f.year / 1000) + "," + c(f.year - f.year / 1000 * 1000, 3);
            case "YYYY" -> c(f.year, fill ? 0 : f.year >= 0 ? 4 : 5);
            case "YYY" -> c(f.year % 1000, fill ? 0 : f.year >= 0 ? 3 : 4);
            case "YY" -> c(f.year % 100, fill ? 0 : f.year >= 0 ? 2 : 3);
            case "Y" -> Integer.toString(f.year % 10);
            case "IYYY" -> c(isoYear(f), fill ? 0 : f.year >= 0 ? 4 : 5);
            case "IYY" -> c(isoYear(f) % 1000, fill ? 0 : f.year >= 0 ? 3 : 4);
            case "IY" -> c(isoYear(f) % 100, fill ? 0 : f.year >= 0 ? 2 : 3);
            case "I" -> Integer.toString(isoYear(f) % 10);
            case "MM" -> c(f.month, fill ? 0 : f.month >= 0 ? 2 : 3);
            case "DD" -> c(f.day, fill ? 0 : 2);
            case "DDD" -> c(f.yearDay(), fill ? 0 : 3);
            case "W" -> Integer.toString((f.day - 1) / 7 + 1);
            case "WW" -> c((f.yearDay() - 1) / 7 + 1, fill ? 0 : 2);
            case "IW" -> c(isoWeek(f.year, f.month, f.day), fill ? 0 : 2);
            case "IDDD" -> c(julian(f.year, f.month, f.day) - isoWeekOne(isoYear(f)) + 1, fill ? 0 : 3);
            case "J" -> Integer.toString(julian(f.year, f.month, f.day));
            case "Q" -> f.month == 0 ? "" : Integer.toString((f.month - 1) / 3 + 1);
            case "CC" -> {
                int century = f.year / 100;
                yield century <= 99 && century >= -99 ? c(century, fill ? 0 : century >= 0 ? 2 : 3) : Integer.toString(century);
            }
            case "RM" -> {
                if (f.month == 0 && f.year == 0) {
                    yield "";
                }
                int index = f.month == 0 ? (f.year >= 0 ? 0 : 11) : f.month < 0 ? -(f.month + 1) : 12 - f.month;
                String roman = pattern.equals("rm") ? ROMAN[index].toLowerCase(Locale.ROOT) : ROMAN[index];
                yield fill ? roman : String.format("%-4s", roman);
            }
            default -> throw new SqlException(SqlState.INVALID_DATETIME_FORMAT, "invalid format specification for an interval value",
                    null, "Intervals are not tied to specific calendar dates.", 0, null);
        };
    }

    /** C's {@code %0*d}: at least width characters, zeros after the sign. */
    private static String c(long value, int width) {
        String digits = Long.toString(Math.abs(value));
        int sign = value < 0 ? 1 : 0;
        if (digits.length() + sign < width) {
            digits = "0".repeat(width - digits.length() - sign) + digits;
        }
        return value < 0 ? "-" + digits : digits;
    }

    private static String cased(String text, String pattern) {
        return pattern.equals(pattern.toLowerCase(Locale.ROOT)) ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** date2j: the Julian day of a year, month and day, whatever their ranges (datetime.c). */
    private static int julian(int year, int month, int day) {
        if (month > 2) {
            month += 1;
            year += 4800;
        } else {
            month += 13;
            year += 4799;
        }
        int century = year / 100;
        int julian = year * 365 - 32167;
        julian += year / 4 - century + century / 4;
        julian += 7834 * month / 256 + day;
        return julian;
    }

    /** j2day: 0 is Sunday. */
    private static int weekday(int julian) {
        int day = (julian + 1) % 7;
        return day < 0 ? day + 7 : day;
    }

    /** isoweek2j(year, 1): the Julian day of the Monday of the year's first ISO week. */
    private static int isoWeekOne(int year) {
        int day4 = julian(year, 1, 4);
        return day4 - weekday(day4 - 1);
    }

    /** date2isoyear. */
    private static int isoYear(Fields f) {
        int year = f.year;
        int day = julian(f.year, f.month, f.day);
        int weekOne = isoWeekOne(year);
        if (day < weekOne) {
            year--;
            weekOne = isoWeekOne(year);
        }
        if ((day - weekOne) / 7 + 1 >= 52 && day >= isoWeekOne(year + 1)) {
            year++;
        }
        return year;
    }

    /** date2isoweek. */
    private static int isoWeek(int year, int month, int dayOfMonth) {
        int day = julian(year, month, dayOfMonth);
        int weekOne = isoWeekOne(year);
        if (day < weekOne) {
            weekOne = isoWeekOne(year - 1);
        }
        int week = (day - weekOne) / 7 + 1;
        if (week >= 52 && day >= isoWeekOne(year + 1)) {
            week = (day - isoWeekOne(year + 1)) / 7 + 1;
        }
        return week;
    }
}
