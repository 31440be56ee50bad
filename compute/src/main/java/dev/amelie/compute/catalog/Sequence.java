package dev.amelie.compute.catalog;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

/**
 * A live sequence. As in PostgreSQL its values are not transactional: a value handed out is
 * gone, whether the transaction that drew it commits or not, so concurrent transactions never
 * get the same one. Committing transactions log the state they leave, and recovery restores the
 * latest logged state, so no value a committed transaction used is handed out again.
 */
public final class Sequence {
    /**
     * The state to log and restore: the last value, whether nextval has returned it, and how many
     * changes led to it. Commits may log states out of order (drawing needs no compute node);
     * recovery keeps the one with the most changes.
     */
    public record State(long lastValue, boolean called, long version) {}

    private final SequenceDef def;
    private long lastValue;
    private boolean called;
    private long version;

    public Sequence(SequenceDef def) {
        this.def = def;
        this.lastValue = def.start();
    }

    public SequenceDef def() {
        return def;
    }

    public synchronized long next() {
        if (!called) {
            called = true;
            version++;
            return lastValue;
        }
        long next;
        try {
            next = Math.addExact(lastValue, def.increment());
        } catch (ArithmeticException overflow) {
            next = def.increment() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
            if (next == lastValue) {
                throw exhausted();
            }
        }
        if (next > def.maxValue() || next < def.minValue() || next == lastValue) {
            if (!def.cycle()) {
                throw exhausted();
            }
            next = def.increment() > 0 ? def.minValue() : def.maxValue();
        }
        lastValue = next;
        version++;
        return next;
    }

    private SqlException exhausted() {
        boolean up = def.increment() > 0;
        return new SqlException(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, "nextval: reached " + (up ? "maximum" : "minimum")
                + " value of sequence \"" + def.name() + "\" (" + (up ? def.maxValue() : def.minValue()) + ")");
    }

    /** setval: the next nextval returns {@code value} if not {@code called}, else the one after it. */
    public synchronized void set(long value, boolean called) {
        if (value < def.minValue() || value > def.maxValue()) {
            throw new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value + " is out of bounds for sequence \""
                    + def.name() + "\" (" + def.minValue() + ".." + def.maxValue() + ")");
        }
        this.lastValue = value;
        this.called = called;
        version++;
    }

    public synchronized State state() {
        return new State(lastValue, called, version);
    }

    /** Recovery: the state a committed transaction logged, unless a later one was restored already. */
    public synchronized void restore(State state) {
        if (state.version() <= version) {
            return;
        }
        this.lastValue = state.lastValue();
        this.called = state.called();
        this.version = state.version();
    }
}
