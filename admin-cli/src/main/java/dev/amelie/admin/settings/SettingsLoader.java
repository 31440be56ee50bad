package dev.amelie.admin.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves {@link Settings} by precedence: flags, then environment, then the data directory's
 * {@code amelie.conf} ({@code key = value} lines, as postgresql.conf), then defaults.
 * Keys are the setting names: data, listen, compute, hosts, wal_sync, wal_segment_size,
 * checkpoint_wal_size (bytes; 0 = never by size), checkpoint_interval (seconds, or with a unit:
 * 30s, 5min, 1h; 0 = never by time); the
 * environment variable of a key is AMELIE_ plus the key in upper case. TLS and limits: tls (on/off;
 * on without files makes a self-signed certificate in the data directory), ssl_cert_file and
 * ssl_key_file (PEM; set both, and TLS is on), require_tls, max_connections (default 100, as
 * PostgreSQL), query_memory_limit (bytes, or with kB, MB, GB; default a quarter of the heap).
 */
public final class SettingsLoader {
    public static final String CONFIG_FILE = "amelie.conf";
    /** Every key a config file, the environment or a flag may set (besides data). */
    public static final List<String> KEYS = List.of("listen", "compute", "hosts", "wal_sync", "wal_segment_size",
            "checkpoint_wal_size", "checkpoint_interval", "metrics_listen", "log_min_duration_statement", "auth",
            "tls", "ssl_cert_file", "ssl_key_file", "require_tls", "max_connections", "query_memory_limit");
    /** The key of a client authentication rule; it may be written many times (first match wins, as pg_hba.conf). */
    public static final String HBA = "hba";

    private final Map<String, String> environment;

    public SettingsLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    /** @param flags values given on the command line, by key (absent keys were not given) */
    public Settings load(Map<String, String> flags, Path defaultDataDirectory) throws IOException {
        Map<String, String> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        String data = firstOf(flags.get("data"), environment.get("AMELIE_DATA"), defaultDataDirectory.toString());
        origins.put("data", flags.get("data") != null ? "command line" : environment.get("AMELIE_DATA") != null
                ? "environment (AMELIE_DATA)" : "default");
        Path dataDirectory = Path.of(data).toAbsolutePath().normalize();
        Path config = dataDirectory.resolve(CONFIG_FILE);
        List<String> hba = new java.util.ArrayList<>();
        if (Files.isRegularFile(config)) {
            Properties file = new Properties();
            StringBuilder others = new StringBuilder();
            java.util.regex.Pattern hbaLine = java.util.regex.Pattern.compile("\\s*hba\\s*[=:]\\s*(.*)", java.util.regex.Pattern.CASE_INSENSITIVE);
            for (String line : Files.readAllLines(config)) {
                java.util.regex.Matcher m = hbaLine.matcher(line);
                if (m.matches()) {
                    hba.add(unquote(m.group(1).trim()));
                } else {
                    others.append(line).append('\n');
                }
            }
            try (Reader reader = new java.io.StringReader(others.toString())) {
                file.load(reader);
            }
            for (String name : file.stringPropertyNames()) {
                String key = name.trim().toLowerCase(Locale.ROOT);
                if (!KEYS.contains(key)) {
                    // A typo must not silently leave a setting at its default.
                    throw new IllegalArgumentException("unknown setting '" + name.trim() + "' in " + config
                            + " (known: " + String.join(", ", KEYS) + ")");
                }
                values.put(key, unquote(file.getProperty(name).trim()));
                origins.put(key, config.toString());
            }
        }
        for (String key : KEYS) {
            String variable = "AMELIE_" + key.toUpperCase(Locale.ROOT);
            String env = environment.get(variable);
            if (env != null) {
                values.put(key, env);
                origins.put(key, "environment (" + variable + ")");
            }
            if (flags.get(key) != null) {
                values.put(key, flags.get(key));
                origins.put(key, "command line");
            }
        }
        for (String key : KEYS) {
            origins.putIfAbsent(key, "default");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        String listen = values.getOrDefault("listen", "127.0.0.1:5432");
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("listen must be HOST:PORT, got '" + listen + "'");
        }
        return new Settings(
                dataDirectory,
                listen.substring(0, colon),
                parseInt("listen port", listen.substring(colon + 1), 0, 65535),
                parseInt("compute", values.getOrDefault("compute", String.valueOf(cores)), 1, 1024),
                parseInt("hosts", values.getOrDefault("hosts", String.valueOf(cores)), 1, 1024),
                parseBoolean("wal_sync", values.getOrDefault("wal_sync", "on")),
                parseLong("wal_segment_size", values.getOrDefault("wal_segment_size", String.valueOf(64L << 20))),
                parseSize("checkpoint_wal_size", values.getOrDefault("checkpoint_wal_size", String.valueOf(1L << 30))),
                parseDuration("checkpoint_interval", values.getOrDefault("checkpoint_interval", "5min")),
                parseOptionalAddress("metrics_listen", values.getOrDefault("metrics_listen", "")),
                parseMillisOrOff("log_min_duration_statement", values.getOrDefault("log_min_duration_statement", "-1")),
                parseAuth(values.getOrDefault("auth", "")),
                parseHba(hba),
                parseBoolean("tls", values.getOrDefault("tls", "off")) || values.containsKey("ssl_cert_file"),
                optionalPath(dataDirectory, values.get("ssl_cert_file")),
                optionalPath(dataDirectory, values.get("ssl_key_file")),
                parseBoolean("require_tls", values.getOrDefault("require_tls", "off")),
                parseInt("max_connections", values.getOrDefault("max_connections", "100"), 1, 262_143),
                parseMemory("query_memory_limit", values.getOrDefault("query_memory_limit",
                        String.valueOf(Runtime.getRuntime().maxMemory() / 4))),
                Map.copyOf(origins));
    }

    /** {@code --auth}: one of the methods, or empty for the hba rules. */
    private static String parseAuth(String value) {
        String method = value.trim().toLowerCase(Locale.ROOT);
        if (!method.isEmpty() && !List.of("trust", "scram-sha-256", "md5").contains(method)) {
            throw new IllegalArgumentException("auth must be trust, scram-sha-256 or md5, got '" + value + "'");
        }
        return method;
    }

    /** Each rule must read as one (the server refuses to start on a typo rather than let someone in). */
    private static List<String> parseHba(List<String> rules) {
        for (String rule : rules) {
            dev.amelie.pgwire.auth.HbaRule.parse(rule);
        }
        return List.copyOf(rules);
    }

    /** Milliseconds, or a number with ms, s or min, as PostgreSQL; -1: off (null). */
    private static java.time.Duration parseMillisOrOff(String name, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d+)\\s*(ms|s|min)?").matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be -1 or milliseconds (or a number with ms, s or min), got '"
                    + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        if (amount < 0) {
            if (amount != -1) {
                throw new IllegalArgumentException(name + " must be -1 (off) or at least 0, got " + amount);
            }
            return null;
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> java.time.Duration.ofSeconds(amount);
            case "min" -> java.time.Duration.ofMinutes(amount);
            default -> java.time.Duration.ofMillis(amount);
        };
    }

    /** A file named in the config; relative to the data directory, as postgresql.conf's paths are. */
    private static Path optionalPath(Path dataDirectory, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return dataDirectory.resolve(value.trim()).normalize();
    }

    /** Bytes, or a number with kB, MB, GB or TB (PostgreSQL's memory units, 1024-based). */
    static long parseMemory(String name, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(B|kB|MB|GB|TB)?").matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be bytes or a number with kB, MB, GB or TB, got '" + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "kB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            case "TB" -> 40;
            default -> 0;
        };
        if (amount < 1 || amount > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(name + " must be at least 1 byte, got '" + value + "'");
        }
        return amount << shift;
    }

    /** HOST:PORT, or empty (or "off") for none. */
    private static String parseOptionalAddress(String name, String value) {
        String address = value.trim();
        if (address.isEmpty() || address.equalsIgnoreCase("off")) {
            return "";
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(name + " must be HOST:PORT or off, got '" + value + "'");
        }
        parseInt(name + " port", address.substring(colon + 1), 0, 65535);
        return address;
    }

    private static String firstOf(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static int parseInt(String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }

    private static long parseLong(String name, String value) {
        try {
            long v = Long.parseLong(value.trim());
            if (v < 4096) {
                throw new IllegalArgumentException(name + " must be at least 4096 bytes, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of bytes, got '" + value + "'");
        }
    }

    private static long parseSize(String name, String value) {
        try {
            long v = Long.parseLong(value.trim());
            if (v < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of bytes, got '" + value + "'");
        }
    }

    /** Seconds, or a number with s, min or h, as PostgreSQL writes durations. */
    private static java.time.Duration parseDuration(String name, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|min|h)?").matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be seconds or a number with s, min or h, got '" + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "min" -> java.time.Duration.ofMinutes(amount);
            case "h" -> java.time.Duration.ofHours(amount);
            default -> java.time.Duration.ofSeconds(amount);
        };
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, got '" + value + "'");
        };
    }
}
