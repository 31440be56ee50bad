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
 * The text forms of date, timestamp and timestamptz as PostgreSQL reads and prints them with
 * DateStyle ISO: {@code 2024-03-05}, {@code 2024-03-05 14:07:09.5}, {@code 2024-03-05 14:07:09.5+00}.
 *
 * <p>Input takes the ISO forms drivers and people write: a date, optionally a time after a space
 * or {@code T} (minutes, seconds and up to six fraction digits optional; more digits are rounded
 * to microseconds), optionally a zone: {@code Z}, {@code UTC}, {@code GMT} or a numeric offset
 * ({@code +02}, {@code -0530}, {@code +05:30}). Like PostgreSQL, a timestamp without time zone
 * ignores a zone in its input, and a timestamptz without one is in the session zone (the
 * TimeZone parameter, given by the caller). Years BC, {@code infinity} and the words
 * {@code now}/{@code today} are not taken yet. Values are microsecond-precise; a timestamptz is
 * an {@link Instant}, printed as the session zone's clocks show it, with that zone's offset.
 */
public final class DateTimeText {
    private DateTimeText() {}

    public static LocalDate parseDate(String text) {
        Parsed p = parse(text, "date");
        return p.dateTime.toLocalDate();
    }

    public static LocalDateTime parseTimestamp(String text) {
        return parse(text, "timestamp").dateTime;
    }

    /** timestamptz_in: without an offset in the text, the time is the session zone's ({@code zone}). */
    public static Instant parseTimestamptz(String text, ZoneId zone) {
        Parsed p = parse(text, "timestamp with time zone");
        return p.offset == null ? ZonedTimes.instantOf(p.dateTime, zone) : p.dateTime.toInstant(p.offset);
    }

    /**
     * time_in for the forms drivers send: {@code hh:mm[:ss[.ffffff]]}, optionally after a date
     * (which is ignored, as PostgreSQL does), and {@code allballs}. 24:00:00 is beyond a
     * LocalTime and not taken yet.
     */
    public static LocalTime parseTime(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("allballs")) {
            return LocalTime.MIDNIGHT;
        }
        int space = s.indexOf(' ');
        int t = s.indexOf('T');
        if (s.indexOf('-') > 0 && s.indexOf('-') < Math.max(s.indexOf(':'), 0) && (space > 0 || t > 0)) {
            s = s.substring(space > 0 ? space + 1 : t + 1).strip();
        }
        Scanner in = new Scanner(s, text, "time");
        int hour = in.number(1, 2);
        in.expect(':');
        int minute = in.number(2, 2);
        int second = 0;
        long nanos = 0;
        if (in.accept(':')) {
            second = in.number(2, 2);
            if (in.accept('.')) {
                nanos = in.fractionNanos();
            }
        }
        in.skipSpaces();
        if (!in.atEnd()) {
            throw in.syntaxError();
        }
        if (hour > 23 || minute > 59 || second > 60) {
            throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
        long micros = Math.round(nanos / 1000.0);
        return LocalTime.of(hour, minute, second).plusNanos(micros * 1000);
    }

    public static String formatTime(LocalTime time) {
        StringBuilder out = new StringBuilder(15);
        appendTime(out, time);
        return out.toString();
    }

    public static String formatDate(LocalDate date) {
        StringBuilder out = new StringBuilder(10);
        appendDate(out, date);
        return out.toString();
    }

    public static String formatTimestamp(LocalDateTime value) {
        StringBuilder out = new StringBuilder(26);
        appendDate(out, value.toLocalDate());
        out.append(' ');
        appendTime(out, value.toLocalTime());
        return out.toString();
    }

    /** timestamptz_out with DateStyle ISO: the zone's wall-clock time and its offset then. */
    public static String formatTimestamptz(Instant value, ZoneId zone) {
        StringBuilder out = new StringBuilder(32);
        LocalDateTime local = LocalDateTime.ofInstant(value, zone);
        appendDate(out, local.toLocalDate());
        out.append(' ');
        appendTime(out, local.toLocalTime());
        ZonedTimes.appendOffset(out, zone.getRules().getOffset(value).getTotalSeconds());
        return out.toString();
    }

    /** Drops what is finer than a microsecond, rounding half up as PostgreSQL does. */
    public static LocalDateTime toMicros(LocalDateTime value) {
        int nanos = value.getNano() % 1000;
        LocalDateTime truncated = value.truncatedTo(ChronoUnit.MICROS);
        return nanos >= 500 ? truncated.plus(1, ChronoUnit.MICROS) : truncated;
    }

    public static Instant toMicros(Instant value) {
        return toMicros(LocalDateTime.ofInstant(value, ZoneOffset.UTC)).toInstant(ZoneOffset.UTC);
    }

    private static void appendDate(StringBuilder out, LocalDate date) {
        pad(out, date.getYear(), 4);
        out.append('-');
        pad(out, date.getMonthValue(), 2);
        out.append('-');
        pad(out, date.getDayOfMonth(), 2);
    }

    private static void appendTime(StringBuilder out, LocalTime time) {
        pad(out, time.getHour(), 2);
        out.append(':');
        pad(out, time.getMinute(), 2);
        out.append(':');
        pad(out, time.getSecond(), 2);
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            StringBuilder fraction = new StringBuilder(6);
            pad(fraction, micros, 6);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    private record Parsed(LocalDateTime dateTime, ZoneOffset offset) {}

    private static Parsed parse(String text, String typeName) {
        Scanner in = new Scanner(text.strip(), text, typeName);
        int year = in.number(4, 9);
        in.expect('-');
        int month = in.number(1, 2);
        in.expect('-');
        int day = in.number(1, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        long nanos = 0;
        if (in.accept('T') || in.accept('t') || in.accept(' ') && in.peekDigit()) {
            in.skipSpaces();
            hour = in.number(1, 2);
            if (in.accept(':')) {
                minute = in.number(1, 2);
                if (in.accept(':')) {
                    second = in.number(1, 2);
                    if (in.accept('.')) {
                        nanos = in.fractionNanos();
                    }
                }
            }
        }
        in.skipSpaces();
        ZoneOffset offset = in.atEnd() ? null : in.zone();
        in.skipSpaces();
        if (!in.atEnd()) {
            throw in.syntaxError();
        }
        try {
            LocalDateTime dateTime;
            if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
                dateTime = LocalDate.of(year, month, day).plusDays(1).atStartOfDay();
            } else {
                dateTime = LocalDateTime.of(year, month, day, hour, minute, second).plusNanos(nanos);
            }
            return new Parsed(toMicros(dateTime), offset);
        } catch (DateTimeException e) {
            throw new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
    }

    /** A cursor over the input, with PostgreSQL's error for anything it does not expect. */
    private static final class Scanner {
        private final String s;
        private final String original;
        private final String typeName;
        private int i;

        Scanner(String s, String original, String typeName) {
            this.s = s;
            this.original = original;
            this.typeName = typeName;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        boolean peekDigit() {
            return i < s.length() && Character.isDigit(s.charAt(i));
        }

        boolean accept(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw syntaxError();
            }
        }

        void skipSpaces() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        int number(int minDigits, int maxDigits) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < maxDigits) {
                i++;
            }
            if (i - start < minDigits) {
                throw syntaxError();
            }
            return Integer.parseInt(s, start, i, 10);
        }

        /** Digits after the decimal point as nanoseconds, rounded to microseconds later. */
        long fractionNanos() {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return 0;
            }
            String digits = s.substring(start, Math.min(i, start + 9));
            long value = Long.parseLong(digits);
            for (int k = digits.length(); k < 9; k++) {
                value *= 10;
            }
            if (i - start > 9 && s.charAt(start + 9) >= '5') {
                value++;
            }
            return value;
        }

        ZoneOffset zone() {
            if (accept('Z') || accept('z')) {
                return ZoneOffset.UTC;
            }
            String rest = s.substring(i);
            if (rest.equalsIgnoreCase("UTC") || rest.equalsIgnoreCase("GMT")) {
                i = s.length();
                return ZoneOffset.UTC;
            }
            int sign;
            if (accept('+')) {
                sign = 1;
            } else if (accept('-')) {
                sign = -1;
            } else {
                throw syntaxError();
            }
            int hours = number(1, 2);
            int minutes = 0;
            if (accept(':')) {
                minutes = number(2, 2);
            } else if (peekDigit()) {
                minutes = number(2, 2);
            }
            if (hours > 15 || minutes > 59) {
                throw new SqlException(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
                        "time zone displacement out of range: \"" + original + "\"");
            }
            return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
        }

        SqlException syntaxError() {
            return new SqlException(SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type " + typeName + ": \"" + original + "\"");
        }
    }
}
