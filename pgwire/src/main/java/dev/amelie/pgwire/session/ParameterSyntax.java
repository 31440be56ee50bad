package dev.amelie.pgwire.session;

import dev.amelie.vm.value.TimeZoneSetting;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.value.TextInput;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a value given to SET (or in the startup packet) and returns it in the form SHOW and
 * ParameterStatus print, as PostgreSQL's GUC machinery does (guc.c parse_and_validate_value and
 * the check hooks): booleans become on/off, enums lower case, "ISO" becomes "ISO, MDY".
 * A value that does not fit is 22023 with PostgreSQL's message.
 */
@FunctionalInterface
interface ParameterSyntax {

    String normalize(String name, String value);

    static ParameterSyntax anyString() {
        return (name, value) -> value;
    }

    /** A role name, or none (SET ROLE NONE); whether it exists and may be taken the server decides ({@link ServerView#checkSetRole}). */
    static ParameterSyntax role() {
        return (name, value) -> value.equalsIgnoreCase("none") ? "none" : value;
    }

    static ParameterSyntax bool() {
        return (name, value) -> {
            Boolean b = TextInput.tryParseBoolean(value);
            if (b == null) {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "parameter \"" + name + "\" requires a Boolean value");
            }
            return b ? "on" : "off";
        };
    }

    /** A boolean that this server only supports in one position (standard_conforming_strings). */
    static ParameterSyntax boolFixedAt(boolean supported) {
        ParameterSyntax bool = bool();
        return (name, value) -> {
            String normalized = bool.normalize(name, value);
            if (!normalized.equals(supported ? "on" : "off")) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, name + " = " + normalized + " is not supported");
            }
            return normalized;
        };
    }

    static ParameterSyntax integer(int min, int max) {
        return (name, value) -> {
            long v;
            try {
                v = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw invalidValue(name, value, null);
            }
            if (v < min || v > max) {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                        v + " is outside the valid range for parameter \"" + name + "\" (" + min + " .. " + max + ")");
            }
            return Long.toString(v);
        };
    }

    /**
     * A duration in milliseconds (statement_timeout and friends): a bare number is ms, or a
     * number with a unit; shown in the largest unit that divides it evenly, as guc.c does
     * ("90s", "1min", "1500ms").
     */
    static ParameterSyntax milliseconds() {
        Pattern pattern = Pattern.compile("\\s*(\\d+)\\s*(us|ms|s|min|h|d)?\\s*");
        return (name, value) -> {
            Matcher m = pattern.matcher(value);
            if (!m.matches()) {
                throw invalidValue(name, value, "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
            }
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            long ms = switch (unit) {
                case "us" -> (amount + 500) / 1000;
                case "ms" -> amount;
                case "s" -> amount * 1000;
                case "min" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 86_400_000;
            };
            if (ms > Integer.MAX_VALUE) {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                        ms + " ms is outside the valid range for parameter \"" + name + "\" (0 .. 2147483647)");
            }
            if (ms == 0) {
                return "0";
            }
            String[] units = {"d", "h", "min", "s"};
            long[] sizes = {86_400_000, 3_600_000, 60_000, 1000};
            for (int i = 0; i < units.length; i++) {
                if (ms % sizes[i] == 0) {
                    return (ms / sizes[i]) + units[i];
                }
            }
            return ms + "ms";
        };
    }

    static ParameterSyntax oneOf(String... allowed) {
        return (name, value) -> {
            String lower = value.strip().toLowerCase(Locale.ROOT);
            for (String option : allowed) {
                if (option.equals(lower)) {
                    return option;
                }
            }
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + name + "\": \"" + value + "\"",
                    "Available values: " + String.join(", ", allowed) + ".", null, 0, null);
        };
    }

    /** Only UTF8 (under its accepted spellings): this server does no encoding conversion. */
    static ParameterSyntax clientEncoding() {
        return (name, value) -> {
            if (!isUtf8(value)) {
                throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid value for parameter \"" + name + "\": \"" + value + "\"",
                        "This server supports only the UTF8 client encoding.", null, 0, null);
            }
            return "UTF8";
        };
    }

    static boolean isUtf8(String encoding) {
        String e = encoding.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return e.equals("utf8") || e.equals("unicode");
    }

    /**
     * DateStyle (datetime.c check_datestyle): an output style (ISO, SQL, Postgres, German) and/or
     * a field order (DMY/European, MDY/US/NonEuropean, YMD); what is not given keeps its
     * default, except that German alone implies DMY. Printed as "Style, ORDER".
     */
    static ParameterSyntax dateStyle() {
        return (name, value) -> {
            String style = null;
            String order = null;
            for (String raw : value.split(",")) {
                String token = raw.strip().toLowerCase(Locale.ROOT);
                switch (token) {
                    case "iso" -> style = "ISO";
                    case "sql" -> style = "SQL";
                    case "postgres" -> style = "Postgres";
                    case "german" -> style = "German";
                    case "dmy", "euro", "european" -> order = "DMY";
                    case "mdy", "us", "noneuro", "noneuropean" -> order = "MDY";
                    case "ymd" -> order = "YMD";
                    case "default" -> {
                        style = "ISO";
                        order = "MDY";
                    }
                    default -> throw invalidValue(name, value, "Unrecognized key word: \"" + raw.strip() + "\".");
                }
            }
            if (order == null) {
                order = "German".equals(style) ? "DMY" : "MDY";
            }
            return (style == null ? "ISO" : style) + ", " + order;
        };
    }

    /**
     * TimeZone: an IANA zone name in any case (shown with the zone's own spelling), hours east
     * of Greenwich, an interval, or a POSIX zone, as {@link TimeZoneSetting} reads them.
     */
    static ParameterSyntax timeZone() {
        return (name, value) -> TimeZoneSetting.parse("TimeZone", value).shown();
    }

    private static SqlException invalidValue(String name, String value, String detail) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"", detail, null, 0, null);
    }

}
