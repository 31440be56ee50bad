package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.RelationName;
import dev.amelie.compute.catalog.Sequence;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * nextval, currval and setval for one run of one statement. The first run draws from the live
 * sequences and records every value it returned, per section; a replay of the statement (an
 * interactive transaction's next statements and COMMIT run it again) returns the recorded values
 * in the same order and draws nothing, so the client's view stays true and no value is drawn
 * twice. Sections on different nodes record separately, so their order against each other does
 * not matter.
 */
public final class SequenceDraws {
    /** What a first run returned, per section: hand it to the replays. */
    public record Recorded(Map<Long, List<Long>> values) {
        public static final Recorded NONE = new Recorded(Map.of());
    }

    private final CatalogStore catalog;
    /** The session's last nextval per sequence (currval); shared by its statements. */
    private final Map<String, Long> session;
    private final Recorded replaying;
    private final Map<Long, List<Long>> drawn = new ConcurrentHashMap<>();
    private final Map<Long, Integer> replayed = new ConcurrentHashMap<>();
    /** Sequences this statement used: the transaction logs their state when it commits. */
    private final Map<String, Sequence> touched;

    SequenceDraws(CatalogStore catalog, Map<String, Long> session, Recorded replaying, Map<String, Sequence> touched) {
        this.catalog = catalog;
        this.session = session;
        this.replaying = replaying;
        this.touched = touched;
    }

    Recorded recorded() {
        return new Recorded(Map.copyOf(drawn));
    }

    long nextval(long section, String name) {
        Sequence sequence = resolve(name);
        Long again = replay(section);
        long value = again != null ? again : sequence.next();
        session.put(key(sequence), value);
        return record(section, value);
    }

    long currval(long section, String name) {
        Sequence sequence = resolve(name);
        Long again = replay(section);
        if (again != null) {
            return record(section, again);
        }
        Long value = session.get(key(sequence));
        if (value == null) {
            throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "currval of sequence \"" + sequence.def().name() + "\" is not yet defined in this session");
        }
        return record(section, value);
    }

    long setval(long section, String name, long value, boolean called) {
        Sequence sequence = resolve(name);
        if (replay(section) == null) {
            sequence.set(value, called);
            if (called) {
                session.put(key(sequence), value);
            }
        }
        return record(section, value);
    }

    private Long replay(long section) {
        List<Long> values = replaying.values().get(section);
        if (values == null) {
            return null;
        }
        int next = replayed.merge(section, 1, Integer::sum) - 1;
        return next < values.size() ? values.get(next) : null;
    }

    private long record(long section, long value) {
        drawn.computeIfAbsent(section, s -> new ArrayList<>()).add(value);
        return value;
    }

    private Sequence resolve(String name) {
        String[] parts = RelationName.parse(name);
        Sequence sequence = catalog.current().sequence(parts[0], parts[1]);
        if (sequence == null) {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + parts[1] + "\" does not exist");
        }
        touched.put(key(sequence), sequence);
        return sequence;
    }

    private static String key(Sequence sequence) {
        return sequence.def().schema() + "." + sequence.def().name();
    }
}
