package dev.amelie.vm.value;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of the TimeZone parameter, as PostgreSQL 15's check_timezone reads it (guc.c,
 * datatype-datetime.html#DATATYPE-TIMEZONES): a number of hours east of Greenwich
 * ({@code SET TIME ZONE 5}, shown {@code <+05>-05}), {@code INTERVAL '…'} likewise, an IANA zone
 * name in any case (shown with its own spelling), or a POSIX zone without summer-time rules
 * ({@code UTC+3}, {@code <+0330>-03:30}), whose offset counts hours west. Abbreviations such as
 * {@code PDT} are no zone names here, as in PostgreSQL. POSIX zones with summer-time rules are
 * taken only where they are IANA names too (PST8PDT, EST5EDT…), which java.time knows.
 *
 * @param shown what SHOW prints, and what {@link #zoneOf} reads back
 */
public record TimeZoneSetting(String shown, ZoneId zone) {
    /** A session's zone unless its client asks for another one: our server's timezone setting. */
    public static final TimeZoneSetting DEFAULT = new TimeZoneSetting("Etc/UTC", ZoneOffset.UTC);

    /** IANA names by lower case; EST, MST and HST are fixed-offset zones of the IANA data that java.time lists apart. */
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Map<String, ZoneId> FIXED = Map.of("EST", ZoneOffset.ofHours(-5), "MST", ZoneOffset.ofHours(-7),
            "HST", ZoneOffset.ofHours(-10));
    /** Zones by their shown text: statements look their session's zone up once each. */
    private static final Map<String, ZoneId> BY_SHOWN = new ConcurrentHashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            NAMES.put(id.toLowerCase(Locale.ROOT), id);
        }
        FIXED.keySet().forEach(id -> NAMES.put(id.toLowerCase(Locale.ROOT), id));
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern POSIX = Pattern.compile(
            "(?:<([A-Za-z0-9:+-]{3,})>|([A-Za-z]{3,}))([+-]?)(\\d{1,2})(?::(\\d{1,2}))?(?::(\\d{1,2}))?");
    private static final Pattern INTERVAL = Pattern.compile("(?i)interval\\s*'([^']*)'.*");

    /**
     * Reads a value SET or the startup packet gave; 22023 {@code invalid value for parameter
     * "TimeZone"} when it names no zone.
     */
    public static TimeZoneSetting parse(String parameter, String value) {
        String text = value.strip();
        Matcher interval = INTERVAL.matcher(text);
        if (interval.matches()) {
            Interval i = IntervalText.parse(interval.group(1));
            if (i.months() != 0) {
                throw invalid(parameter, value, "Cannot specify months in time zone interval.");
            }
            if (i.days() != 0) {
                throw invalid(parameter, value, "Cannot specify days in time zone interval.");
            }
            return ofSecondsEast(parameter, value, i.micros() / 1_000_000);
        }
        if (NUMBER.matcher(text).matches()) {
            return ofSecondsEast(parameter, value, Math.round(Double.parseDouble(text) * 3600));
        }
        String name = NAMES.get(text.toLowerCase(Locale.ROOT));
        if (name != null) {
            return new TimeZoneSetting(name, FIXED.containsKey(name) ? FIXED.get(name) : ZoneId.of(name));
        }
        Matcher posix = POSIX.matcher(text);
        if (posix.matches()) {
            int west = Integer.parseInt(posix.group(4)) * 3600
                    + (posix.group(5) == null ? 0 : Integer.parseInt(posix.group(5)) * 60)
                    + (posix.group(6) == null ? 0 : Integer.parseInt(posix.group(6)));
            if (west <= 24 * 3600 && (posix.group(5) == null || Integer.parseInt(posix.group(5)) < 60)
                    && (posix.group(6) == null || Integer.parseInt(posix.group(6)) < 60)) {
                return new TimeZoneSetting(text, ZoneOffset.ofTotalSeconds(posix.group(3).equals("-") ? west : -west));
            }
        }
        throw invalid(parameter, value, null);
    }

    /** The zone of a value {@link #parse} has shown; what a statement runs in. */
    public static ZoneId zoneOf(String shown) {
        if (shown == null) {
            return DEFAULT.zone();
        }
        ZoneId zone = BY_SHOWN.get(shown);
        if (zone == null) {
            zone = parse("TimeZone", shown).zone();
            if (BY_SHOWN.size() < 10_000) {
                BY_SHOWN.put(shown, zone);
            }
        }
        return zone;
    }

    /** A fixed offset east of Greenwich, named as PostgreSQL's pg_tzset_offset names it: {@code <+05>-05}. */
    private static TimeZoneSetting ofSecondsEast(String parameter, String value, long east) {
        // PostgreSQL takes up to a week of offset; java.time's offsets end at 18 hours.
        if (Math.abs(east) > 18 * 3600) {
            throw invalid(parameter, value, null);
        }
        StringBuilder shown = new StringBuilder("<");
        appendPosixOffset(shown, (int) east);
        shown.append('>');
        appendPosixOffset(shown, (int) -east);
        return new TimeZoneSetting(shown.toString(), ZoneOffset.ofTotalSeconds((int) east));
    }

    private static void appendPosixOffset(StringBuilder out, int seconds) {
        ZonedTimes.appendOffset(out, seconds);
    }

    private static SqlException invalid(String parameter, String value, String detail) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + parameter + "\": \"" + value + "\"", detail, null, 0, null);
    }
}
