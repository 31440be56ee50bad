package dev.amelie.compute.executor;

import dev.amelie.vm.exec.ExecutionContext;

import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * What every section of a statement sees the same way, on the host or on a node: its
 * parameters, whether it was cancelled, and the values fixed for the statement (now(), the
 * session's time zone, its random numbers and sequence draws, told apart per section by {@code salt}).
 */
abstract class SectionContext implements ExecutionContext {
    private final Object[] parameters;
    private final BooleanSupplier cancelled;
    private final FixedValues fixed;
    private final long salt;
    private RandomGenerator random;

    SectionContext(Object[] parameters, BooleanSupplier cancelled, FixedValues fixed, long salt) {
        this.parameters = parameters;
        this.cancelled = cancelled;
        this.fixed = fixed;
        this.salt = salt;
    }

    @Override
    public final Object[] parameters() {
        return parameters;
    }

    /** The statement's memory budget, which its row sets charge as they grow. */
    final dev.amelie.vm.memory.MemoryBudget budget() {
        return fixed.budget();
    }

    @Override
    public final boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public final Instant transactionTime() {
        return fixed.time();
    }

    @Override
    public final java.time.ZoneId timeZone() {
        return fixed.zone();
    }

    @Override
    public final RandomGenerator random() {
        if (random == null) {
            random = fixed.random(salt);
        }
        return random;
    }

    @Override
    public final long nextval(String sequence) {
        return fixed.draws().nextval(fixed.section(salt), sequence);
    }

    @Override
    public final long currval(String sequence) {
        return fixed.draws().currval(fixed.section(salt), sequence);
    }

    @Override
    public final long setval(String sequence, long value, boolean called) {
        return fixed.draws().setval(fixed.section(salt), sequence, value, called);
    }
}
