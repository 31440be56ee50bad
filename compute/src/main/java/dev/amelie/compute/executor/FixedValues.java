package dev.amelie.compute.executor;

import dev.amelie.vm.memory.MemoryBudget;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a statement must see the same on every run of it: the transaction's start time (now()),
 * the seed of its random numbers, the sequence values it drew and the session's TimeZone it
 * first ran in (a replay at COMMIT shows and reads timestamptz as the client was shown, even
 * after a later SET TIME ZONE). An interactive transaction's statements run again at
 * every later statement and at COMMIT, and the replay must show what the client saw; so the
 * time is fixed when the transaction starts and the seed when the statement first runs (the
 * statement's place in its transaction picks it), never drawn again.
 *
 * <p>Each section gets its own generator, salted by where it runs (a partition, the host), so
 * that sections running at once on different nodes draw from independent sequences, and a
 * section draws the same numbers for the same rows in the same order.
 *
 * <p>It also carries the statement's {@link MemoryBudget}: no value the statement sees, but it
 * goes wherever the statement's sections go, as these values do.
 */
record FixedValues(Instant time, long seed, SequenceDraws draws, ZoneId zone, MemoryBudget budget) {
    /** For sections that use none but the zone (keys computed before the transaction runs: one row). */
    static FixedValues beforeOrder(ZoneId zone) {
        return new FixedValues(Instant.EPOCH, 0, null, zone, MemoryBudget.UNLIMITED);
    }

    RandomGenerator random(long salt) {
        return new SplittableRandom(section(salt));
    }

    /** Names the section running with this salt, for its random numbers and its sequence draws. */
    long section(long salt) {
        return mix(seed ^ mix(salt + 0x632BE59BD9B4E019L));
    }

    /** The values of the statement at this place of a transaction whose seed is {@code transactionSeed}. */
    static FixedValues ofStatement(Instant time, long transactionSeed, int statementIndex, SequenceDraws draws, ZoneId zone,
                                   MemoryBudget budget) {
        return new FixedValues(time, mix(transactionSeed + statementIndex * 0x9E3779B97F4A7C15L), draws, zone, budget);
    }

    /** The values of a source statement feeding this one: the same time, other numbers, the same draws. */
    FixedValues forSource(int index) {
        return new FixedValues(time, mix(seed + (index + 1) * 0xBF58476D1CE4E5B9L), draws, zone, budget);
    }

    /** SplitMix64's finalizer: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
