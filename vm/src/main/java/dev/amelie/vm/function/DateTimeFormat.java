package dev.amelie.vm.function;

import dev.amelie.vm.value.Interval;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;

/**
 * to_char(timestamp | timestamptz | date | interval, format) as PostgreSQL 15's formatting.c (9.8, table
 * 9.26): the template patterns, the FM (no padding) and TH/th (ordinal suffix) modifiers,
 * double-quoted literal text and backslash escapes; anything else is copied. Names are English
 * (PostgreSQL's without TM), upper, capitalized or lower case as the pattern is written.
 * timestamptz is shown in the session's zone (TZ its abbreviation, OF/TZH/TZM its offset then). An interval's fields are
 * {@link IntervalFormat}'s.
 */
final class DateTimeFormat {
    private DateTimeFormat() {}

    /** Longest first, so "HH24" wins over "HH", "MONTH" over "MON" and "TZH" over "TZ". */
    private static final List<String> PATTERNS = List.of(
            "Y,YYY", "y,yyy", "SSSSS", "sssss", "MONTH", "Month", "month", "A.D.", "a.d.", "A.M.", "a.m.", "B.C.", "b.c.",
            "P.M.", "p.m.", "HH24", "hh24", "HH12", "hh12", "IDDD", "iddd", "IYYY", "iyyy", "SSSS", "ssss", "YYYY", "yyyy",
            "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "ff1", "ff2", "ff3", "ff4", "ff5", "ff6",
            "DAY", "Day", "day", "DDD", "ddd", "IYY", "iyy", "MON", "Mon", "mon", "YYY", "yyy",
            "AD", "ad", "AM", "am", "BC", "bc", "CC", "cc", "DD", "dd", "DY", "Dy", "dy", "HH", "hh", "ID", "id", "IW", "iw",
            "IY", "iy", "MI", "mi", "MM", "mm", "MS", "ms", "OF", "of", "PM", "pm", "RM", "rm", "SS", "ss", "TZH", "tzh", "TZM", "tzm", "TZ", "tz",
            "US", "us", "WW", "ww", "YY", "yy", "D", "d", "I", "i", "J", "j", "Q", "q", "W", "w", "Y", "y");

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    /** A pattern's text for the value being formatted, unpadded when fill (FM). */
    private interface Fields {
        String field(String pattern, boolean fill);
    }

    static String format(Object value, String format, ZoneId zone) {
        Fields fields = switch (value) {
            case LocalDateTime t -> (pattern, fill) -> field(pattern, t, null, zone, fill);
            case Instant i -> (pattern, fill) -> field(pattern, LocalDateTime.ofInstant(i, zone), i, zone, fill);
            case LocalDate d -> (pattern, fill) -> field(pattern, d.atStartOfDay(), null, zone, fill);
            case Interval interval -> (pattern, fill) -> IntervalFormat.field(pattern, interval, fill);
            default -> throw new IllegalArgumentException("to_char of " + value.getClass().getSimpleName());
        };
        StringBuilder out = new StringBuilder(format.length() + 16);
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < format.length() && format.charAt(j) != '"') {
                    if (format.charAt(j) == '\\' && j + 1 < format.length()) {
                        j++;
                    }
                    out.append(format.charAt(j));
                    j++;
                }
                i = Math.min(j + 1, format.length());
                continue;
            }
            if (c == '\\' && i + 1 < format.length() && format.charAt(i + 1) == '"') {
                out.append('"'); // \" is a double quote; any other backslash is itself
                i += 2;
                continue;
            }
            boolean fillMode = false;
            if (format.regionMatches(true, i, "FM", 0, 2)) {
                fillMode = true;
                i += 2;
            }
            String pattern = patternAt(format, i);
            if (pattern == null) {
                if (!fillMode) {
                    out.append(c);
                    i++;
                }
                continue;
            }
            i += pattern.length();
            String suffix = null;
            if (format.startsWith("TH", i) || format.startsWith("th", i)) {
                suffix = format.substring(i, i + 2);
                i += 2;
            }
            String field = fields.field(pattern, fillMode);
            out.append(field);
            if (suffix != null && !field.isEmpty() && Character.isDigit(field.charAt(field.length() - 1))) {
                out.append(ordinal(field, suffix.equals("TH")));
            }
        }
        return out.toString();
    }

    private static String patternAt(String format, int at) {
        for (String pattern : PATTERNS) {
            if (format.startsWith(pattern, at)) {
                return pattern;
            }
        }
        return null;
    }

    /** {@code instant}: the timestamptz being shown, null for a value without a zone. */
    private static String field(String pattern, LocalDateTime t, Instant instant, ZoneId zone, boolean fill) {
        int offset = instant == null ? 0 : zone.getRules().getOffset(instant).getTotalSeconds();
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        boolean pm = t.getHour() >= 12;
        int year = t.getYear();
        int displayYear = year <= 0 ? 1 - year : year; // no year 0: 1 BC is year 0 in ISO
        return switch (pattern.toUpperCase(Locale.ROOT)) {
            case "HH", "HH12" -> number(hour12, 2, fill);
            case "HH24" -> number(t.getHour(), 2, fill);
            case "MI" -> number(t.getMinute(), 2, fill);
            case "SS" -> number(t.getSecond(), 2, fill);
            case "MS" -> number(t.getNano() / 1_000_000, 3, fill);
            case "US" -> number(t.getNano() / 1_000, 6, fill);
            case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" -> {
                int digits = pattern.charAt(2) - '0';
                yield number((int) (t.getNano() / Math.pow(10, 9 - digits)), digits, fill);
            }
            case "SSSS", "SSSSS" -> Integer.toString(t.toLocalTime().toSecondOfDay());
            case "AM", "PM" -> cased(pm ? "PM" : "AM", pattern);
            case "A.M.", "P.M." -> cased(pm ? "P.M." : "A.M.", pattern);
            case "Y,YYY" -> String.format("%d,%03d", displayYear / 1000, displayYear % 1000);
            case "YYYY" -> number(displayYear, 4, fill);
            case "YYY" -> number(displayYear % 1000, 3, fill);
            case "YY" -> number(displayYear % 100, 2, fill);
            case "Y" -> Integer.toString(displayYear % 10);
            case "IYYY" -> number(t.get(IsoFields.WEEK_BASED_YEAR), 4, fill);
            case "IYY" -> number(t.get(IsoFields.WEEK_BASED_YEAR) % 1000, 3, fill);
            case "IY" -> number(t.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, fill);
            case "I" -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR) % 10);
            case "BC", "AD" -> cased(year <= 0 ? "BC" : "AD", pattern);
            case "B.C.", "A.D." -> cased(year <= 0 ? "B.C." : "A.D.", pattern);
            case "MONTH" -> name(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), pattern, 9, fill);
            case "MON" -> cased(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), pattern);
            case "MM" -> number(t.getMonthValue(), 2, fill);
            case "DAY" -> name(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), pattern, 9, fill);
            case "DY" -> cased(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), pattern);
            case "DDD" -> number(t.getDayOfYear(), 3, fill);
            case "IDDD" -> number((t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) * 7 + t.getDayOfWeek().getValue(), 3, fill);
            case "DD" -> number(t.getDayOfMonth(), 2, fill);
            case "D" -> Integer.toString(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1);
            case "ID" -> Integer.toString(t.getDayOfWeek().getValue());
            case "W" -> Integer.toString((t.getDayOfMonth() - 1) / 7 + 1);
            case "WW" -> number((t.getDayOfYear() - 1) / 7 + 1, 2, fill);
            case "IW" -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fill);
            case "CC" -> number(year > 0 ? (year + 99) / 100 : -((displayYear + 99) / 100), 2, fill);
            case "J" -> Long.toString(t.toLocalDate().getLong(ChronoField.EPOCH_DAY) + 2_440_588L);
            case "Q" -> Integer.toString((t.getMonthValue() - 1) / 3 + 1);
            case "RM" -> {
                String roman = ROMAN[t.getMonthValue() - 1];
                String padded = fill ? roman : String.format("%-4s", roman);
                yield pattern.equals("rm") ? padded.toLowerCase(Locale.ROOT) : padded;
            }
            case "TZ" -> instant == null ? "" : cased(abbreviation(instant, zone), pattern);
            // The zone's offset from UTC then (+00 for a timestamp without zone); OF shows minutes only when there are some.
            case "OF" -> (offset < 0 ? "-" : "+") + number(Math.abs(offset) / 3600, 2, false)
                    + (Math.abs(offset) / 60 % 60 == 0 ? "" : ":" + number(Math.abs(offset) / 60 % 60, 2, false));
            case "TZH" -> (offset < 0 ? "-" : "+") + number(Math.abs(offset) / 3600, 2, false);
            case "TZM" -> number(Math.abs(offset) / 60 % 60, 2, false);
            default -> throw new IllegalStateException("pattern " + pattern);
        };
    }

    /**
     * The zone's abbreviation at the instant (CET, CEST, IST); a fixed offset has none and shows
     * as its offset ({@code +05}), UTC as UTC.
     */
    private static String abbreviation(Instant instant, ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                return "UTC";
            }
            StringBuilder out = new StringBuilder();
            dev.amelie.vm.value.ZonedTimes.appendOffset(out, offset.getTotalSeconds());
            return out.toString();
        }
        String id = zone.getId();
        if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("Etc/UCT") || id.equals("UCT") || id.equals("Zulu")) {
            return "UTC";
        }
        return java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(zone).format(instant);
    }

    private static String number(int value, int width, boolean fill) {
        String digits = Integer.toString(Math.abs(value));
        if (!fill && digits.length() < width) {
            digits = "0".repeat(width - digits.length()) + digits;
        }
        return value < 0 ? "-" + digits : digits;
    }

    /** MONTH, Month, month (and DAY…): upper, capitalized or lower, padded to 9 unless FM. */
    private static String name(String english, String pattern, int width, boolean fill) {
        String cased = cased(english, pattern);
        return fill ? cased : String.format("%-" + width + "s", cased);
    }

    /** As the pattern is written: no lower-case letter (MONTH), no upper-case one (month), else capitalized (Month). */
    private static String cased(String text, String pattern) {
        if (pattern.equals(pattern.toUpperCase(Locale.ROOT))) {
            return text.toUpperCase(Locale.ROOT);
        }
        if (pattern.equals(pattern.toLowerCase(Locale.ROOT))) {
            return text.toLowerCase(Locale.ROOT);
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String ordinal(String number, boolean upper) {
        int n = Integer.parseInt(number.substring(Math.max(0, number.length() - 2)).replaceAll("\\D", "0"));
        String suffix;
        if (n % 100 >= 11 && n % 100 <= 13) {
            suffix = "th";
        } else {
            suffix = switch (n % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
        }
        return upper ? suffix.toUpperCase(Locale.ROOT) : suffix;
    }
}
