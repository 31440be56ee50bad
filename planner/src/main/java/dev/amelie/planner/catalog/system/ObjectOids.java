package dev.amelie.planner.catalog.system;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * OIDs for the catalog objects that have no number of their own in our catalog (schemas,
 * indexes, constraints, views, sequences, defaults): a hash of what names the object, so the same
 * catalog gives the same OIDs after a restart. They lie above every table's OID (16384 + id) and
 * below 2^31, so they stay positive as int4 too. Two names hashing alike are told apart in name
 * order, which a restart does not change either.
 */
public final class ObjectOids {
    public static final long PG_CATALOG = 11;
    public static final long PUBLIC = 2200;
    public static final long INFORMATION_SCHEMA = 13_000;
    private static final long FIRST = 1L << 24;
    private static final long RANGE = (1L << 31) - FIRST;

    private final Map<String, Long> oids = new HashMap<>();

    /** {@code keys}: every object to number, as "kind:qualified name" (any order: they are sorted). */
    public ObjectOids(Iterable<String> keys) {
        Set<Long> taken = new HashSet<>();
        for (String key : new TreeMap<String, Boolean>(collect(keys)).keySet()) {
            long oid = FIRST + hash(key) % RANGE;
            while (!taken.add(oid)) {
                oid = FIRST + (oid - FIRST + 1) % RANGE;
            }
            oids.put(key, oid);
        }
    }

    private static Map<String, Boolean> collect(Iterable<String> keys) {
        Map<String, Boolean> all = new HashMap<>();
        for (String key : keys) {
            all.put(key, true);
        }
        return all;
    }

    private static long hash(String key) {
        CRC32C crc = new CRC32C();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        long high = crc.getValue();
        crc.update(new byte[] {1});
        return (high << 8 ^ crc.getValue()) & Long.MAX_VALUE;
    }

    /** The OID of a numbered object, or 0 (InvalidOid) for one that was not numbered. */
    public long of(String key) {
        return oids.getOrDefault(key, 0L);
    }

    public static String key(String kind, String schema, String name) {
        return kind + ":" + schema + "." + name;
    }
}
