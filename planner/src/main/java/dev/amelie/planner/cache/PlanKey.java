package dev.amelie.planner.cache;

import dev.amelie.vm.type.SqlType;

import java.util.Arrays;

/**
 * What a plan depends on: the statement text, the parameter types the client declared, and the
 * catalog version it was planned against. The hash is computed once.
 */
public final class PlanKey {
    private final String text;
    private final SqlType[] declaredTypes;
    private final long catalogVersion;
    private final int hash;

    public PlanKey(String text, SqlType[] declaredTypes, long catalogVersion) {
        this.text = text;
        this.declaredTypes = declaredTypes.clone();
        this.catalogVersion = catalogVersion;
        this.hash = (text.hashCode() * 31 + Arrays.hashCode(declaredTypes)) * 31 + Long.hashCode(catalogVersion);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlanKey key && hash == key.hash && catalogVersion == key.catalogVersion
                && text.equals(key.text) && Arrays.equals(declaredTypes, key.declaredTypes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
