package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zone of timezone(zone, value) and {@code value AT TIME ZONE zone}, found as PostgreSQL 15's
 * timestamp_zone does: first the time zone abbreviations of its Default set (UTC, EST, PST, …),
 * then the IANA names in any case (us/pacific), then POSIX-style offsets, where a positive offset
 * is west of Greenwich ('+05' and 'UTC+5' are five hours behind UTC).
 */
final class TimeZones {
    private TimeZones() {}

    /** Some of PostgreSQL's Default abbreviations (share/timezonesets/Default), as fixed offsets in hours. */
    private static final Map<String, Double> ABBREVIATIONS = Map.ofEntries(Map.entry("utc", 0.0), Map.entry("gmt", 0.0),
            Map.entry("ut", 0.0), Map.entry("z", 0.0), Map.entry("zulu", 0.0), Map.entry("est", -5.0), Map.entry("edt", -4.0),
            Map.entry("cst", -6.0), Map.entry("cdt", -5.0), Map.entry("mst", -7.0), Map.entry("mdt", -6.0),
            Map.entry("pst", -8.0), Map.entry("pdt", -7.0), Map.entry("akst", -9.0), Map.entry("akdt", -8.0),
            Map.entry("hst", -10.0), Map.entry("ast", -4.0), Map.entry("adt", -3.0), Map.entry("nst", -3.5),
            Map.entry("ndt", -2.5), Map.entry("bst", 1.0), Map.entry("cet", 1.0), Map.entry("cest", 2.0),
            Map.entry("met", 1.0), Map.entry("mest", 2.0), Map.entry("eet", 2.0), Map.entry("eest", 3.0),
            Map.entry("wet", 0.0), Map.entry("west", 1.0), Map.entry("ist", 2.0), Map.entry("jst", 9.0),
            Map.entry("kst", 9.0), Map.entry("hkt", 8.0), Map.entry("sgt", 8.0), Map.entry("aest", 10.0),
            Map.entry("aedt", 11.0), Map.entry("acst", 9.5), Map.entry("awst", 8.0), Map.entry("nzst", 12.0),
            Map.entry("nzdt", 13.0));

    /** The IANA names by their lower-case spelling: PostgreSQL finds them in any case. */
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            NAMES.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    /** A POSIX-style zone: an optional name of letters, then an offset west of Greenwich. */
    private static final Pattern POSIX = Pattern.compile("([A-Za-z]{3,})?([+-]?)(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?");

    static ZoneId zone(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Double hours = ABBREVIATIONS.get(lower);
        if (hours != null) {
            return ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600));
        }
        String id = NAMES.get(lower);
        if (id != null) {
            return ZoneId.of(id);
        }
        Matcher posix = POSIX.matcher(name);
        if (posix.matches()) {
            int seconds = Integer.parseInt(posix.group(3)) * 3600
                    + (posix.group(4) == null ? 0 : Integer.parseInt(posix.group(4)) * 60)
                    + (posix.group(5) == null ? 0 : Integer.parseInt(posix.group(5)));
            if (seconds <= 24 * 3600) {
                return ZoneOffset.ofTotalSeconds(posix.group(2).equals("-") ? seconds : -seconds);
            }
        }
        throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
    }

    /**
     * timestamp AT TIME ZONE zone: the instant when the zone's clocks showed the time. A time
     * skipped by a change to summer time is read with the offset before the change; a time
     * shown twice, when the clocks go back, is the later instant (PostgreSQL's DetermineTimeZoneOffset).
     */
    static Instant atZone(LocalDateTime local, ZoneId zone) {
        return dev.amelie.vm.value.ZonedTimes.instantOf(local, zone);
    }

    /** timestamptz AT TIME ZONE zone: what the zone's clocks showed at the instant. */
    static LocalDateTime localIn(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
