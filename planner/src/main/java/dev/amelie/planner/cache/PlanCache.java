package dev.amelie.planner.cache;

import dev.amelie.planner.PlannedStatement;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plans by {@link PlanKey}, so a statement seen before skips Calcite entirely. Plans are
 * immutable and shared by every session. Bounded crudely: when full it starts over, which keeps
 * the hit path a single lock-free map lookup; an LRU can replace this when measurements ask.
 * Literals are not normalized yet, so statements that differ only in constants plan separately.
 */
public final class PlanCache {
    private final int capacity;
    private final ConcurrentHashMap<PlanKey, PlannedStatement> plans = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

    public PlanCache(int capacity) {
        this.capacity = capacity;
    }

    public PlannedStatement get(PlanKey key, Supplier<PlannedStatement> planner) {
        PlannedStatement plan = plans.get(key);
        if (plan != null) {
            hits.increment();
            return plan;
        }
        misses.increment();
        plan = planner.get();
        if (plans.size() >= capacity) {
            plans.clear();
        }
        plans.put(key, plan);
        return plan;
    }

    /** The cached plan, or null. */
    public PlannedStatement peek(PlanKey key) {
        return plans.get(key);
    }

    public int size() {
        return plans.size();
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that planned (with Calcite). */
    public long misses() {
        return misses.sum();
    }
}
