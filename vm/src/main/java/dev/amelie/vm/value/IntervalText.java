package dev.amelie.vm.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * interval's text forms as PostgreSQL 15 reads and prints them (IntervalStyle postgres).
 *
 * <p>Input: an optional {@code @}, then numbers with units ({@code 1 year 2 mons 3.5 days},
 * abbreviations and plurals as PostgreSQL's table has them), clock times ({@code -04:05:06.7}),
 * a bare number of seconds, {@code ago} at the end, or ISO 8601 ({@code P1Y2M3DT4H5M6S}).
 * Fractions cascade down: half a year is six months, half a month 15 days, half a day 12 hours.
 */
public final class IntervalText {
    private IntervalText() {}

    public static String format(Interval value) {
        StringBuilder out = new StringBuilder(32);
        int year = value.months() / 12;
        int month = value.months() % 12;
        boolean[] state = {true, false}; // is_zero, is_before
        part(out, year, "year", state);
        part(out, month, "mon", state);
        part(out, value.days(), "day", state);
        long micros = value.micros();
        if (state[0] || micros != 0) {
            boolean minus = micros < 0;
            long abs = Math.abs(micros);
            long hours = abs / Interval.MICROS_PER_HOUR;
            long minutes = abs / Interval.MICROS_PER_MINUTE % 60;
            long seconds = abs / Interval.MICROS_PER_SECOND % 60;
            long fraction = abs % Interval.MICROS_PER_SECOND;
            if (!state[0]) {
                out.append(' ');
            }
            out.append(minus ? "-" : state[1] ? "+" : "");
            two(out, hours);
            out.append(':');
            two(out, minutes);
            out.append(':');
            two(out, seconds);
            if (fraction != 0) {
                String digits = Long.toString(fraction + Interval.MICROS_PER_SECOND).substring(1);
                int end = digits.length();
                while (digits.charAt(end - 1) == '0') {
                    end--;
                }
                out.append('.').append(digits, 0, end);
            }
        }
        return out.toString();
    }

    private static void part(StringBuilder out, int value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (!state[0]) {
            out.append(' ');
        }
        if (state[1] && value > 0) {
            out.append('+');
        }
        out.append(value).append(' ').append(unit);
        if (value != 1) {
            out.append('s');
        }
        state[1] = value < 0;
        state[0] = false;
    }

    private static void two(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }

    public static Interval parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw TextInput.invalid(text, "interval");
        }
        if (s.charAt(0) == 'p') {
            return parseIso(s, text);
        }
        Accumulator sum = new Accumulator(text);
        String[] tokens = s.replace("@", " ").trim().split("\\s+");
        boolean ago = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("ago") && i == tokens.length - 1 && i > 0) {
                ago = true;
                continue;
            }
            if (token.indexOf(':') >= 0) {
                sum.clock(token);
                continue;
            }
            int unitStart = unitStart(token);
            String number = token.substring(0, unitStart);
            String unit = token.substring(unitStart);
            if (number.isEmpty() || number.equals("+") || number.equals("-")) {
                throw TextInput.invalid(text, "interval");
            }
            if (unit.isEmpty() && i + 1 < tokens.length && unitStart(tokens[i + 1]) == 0
                    && !tokens[i + 1].equals("ago")) {
                unit = tokens[++i];
            }
            if (unit.isEmpty()) {
                // A bare number: days before a clock time (SQL standard '1 2:03:04'), else seconds.
                boolean clockFollows = i + 1 < tokens.length && tokens[i + 1].indexOf(':') >= 0;
                unit = clockFollows ? "day" : "second";
            }
            sum.add(decimal(number, text), unit);
        }
        Interval result = sum.result();
        return ago ? result.negate() : result;
    }

    /** Where the letters of a {@code 3days}-style token start (its length when it has none). */
    private static int unitStart(String token) {
        int i = 0;
        while (i < token.length() && (Character.isDigit(token.charAt(i)) || "+-.".indexOf(token.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    private static BigDecimal decimal(String number, String text) {
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw TextInput.invalid(text, "interval");
        }
    }

    private static Interval parseIso(String s, String text) {
        Accumulator sum = new Accumulator(text);
        boolean time = false;
        int i = 1;
        if (i >= s.length()) {
            throw TextInput.invalid(text, "interval");
        }
        while (i < s.length()) {
            if (s.charAt(i) == 't') {
                time = true;
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || "+-.".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            if (i == start || i >= s.length()) {
                throw TextInput.invalid(text, "interval");
            }
            BigDecimal number = decimal(s.substring(start, i), text);
            String unit = switch (s.charAt(i)) {
                case 'y' -> "year";
                case 'm' -> time ? "minute" : "month";
                case 'w' -> "week";
                case 'd' -> "day";
                case 'h' -> "hour";
                case 's' -> "second";
                default -> throw TextInput.invalid(text, "interval");
            };
            sum.add(number, unit);
            i++;
        }
        return sum.result();
    }

    /** Sums fields as they come, cascading fractions as DecodeInterval's AdjustFractional* do. */
    private static final class Accumulator {
        private final String text;
        private long months;
        private long days;
        private BigDecimal micros = BigDecimal.ZERO;

        Accumulator(String text) {
            this.text = text;
        }

        void add(BigDecimal n, String unit) {
            switch (unit) {
                case "microsecond", "microseconds", "us", "usec", "usecs", "useconds" -> micros = micros.add(n);
                case "millisecond", "milliseconds", "ms", "msec", "msecs", "mseconds" ->
                        micros = micros.add(n.scaleByPowerOfTen(3));
                case "second", "seconds", "s", "sec", "secs" -> micros = micros.add(n.scaleByPowerOfTen(6));
                case "minute", "minutes", "m", "min", "mins" ->
                        micros = micros.add(n.multiply(BigDecimal.valueOf(Interval.MICROS_PER_MINUTE)));
                case "hour", "hours", "h", "hr", "hrs" ->
                        micros = micros.add(n.multiply(BigDecimal.valueOf(Interval.MICROS_PER_HOUR)));
                case "day", "days", "d" -> days(n);
                case "week", "weeks", "w" -> days(n.multiply(BigDecimal.valueOf(7)));
                case "month", "months", "mon", "mons" -> months(n);
                case "year", "years", "y", "yr", "yrs" -> months(n.multiply(BigDecimal.valueOf(12)));
                case "decade", "decades", "dec", "decs" -> months(n.multiply(BigDecimal.valueOf(120)));
                case "century", "centuries", "c", "cent" -> months(n.multiply(BigDecimal.valueOf(1200)));
                case "millennium", "millennia", "mil", "mils" -> months(n.multiply(BigDecimal.valueOf(12000)));
                default -> throw TextInput.invalid(text, "interval");
            }
        }

        private void months(BigDecimal n) {
            BigDecimal whole = n.setScale(0, RoundingMode.DOWN);
            months += whole.longValueExact();
            days(n.subtract(whole).multiply(BigDecimal.valueOf(30)));
        }

        private void days(BigDecimal n) {
            BigDecimal whole = n.setScale(0, RoundingMode.DOWN);
            days += whole.longValueExact();
            micros = micros.add(n.subtract(whole).multiply(BigDecimal.valueOf(Interval.MICROS_PER_DAY)));
        }

        /** {@code [-]h:mm[:ss[.fff]]}; the sign applies to the whole clock time. */
        void clock(String token) {
            boolean negative = token.startsWith("-");
            String body = token.startsWith("-") || token.startsWith("+") ? token.substring(1) : token;
            String[] parts = body.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw TextInput.invalid(text, "interval");
            }
            try {
                BigDecimal value = BigDecimal.valueOf(Long.parseLong(parts[0]) * Interval.MICROS_PER_HOUR)
                        .add(BigDecimal.valueOf(Long.parseLong(parts[1]) * Interval.MICROS_PER_MINUTE));
                if (parts.length == 3) {
                    value = value.add(new BigDecimal(parts[2]).scaleByPowerOfTen(6));
                }
                micros = micros.add(negative ? value.negate() : value);
            } catch (NumberFormatException e) {
                throw TextInput.invalid(text, "interval");
            }
        }

        Interval result() {
            long totalMicros;
            try {
                totalMicros = micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            } catch (ArithmeticException e) {
                throw Interval.outOfRange();
            }
            if (months != (int) months || days != (int) days) {
                throw Interval.outOfRange();
            }
            return new Interval((int) months, (int) days, totalMicros);
        }
    }
}
