package dev.amelie.planner.lower;

import dev.amelie.vm.program.SortKey;
import org.apache.calcite.rel.RelFieldCollation;

import java.util.List;

/** ORDER BY keys as the VM sorts by them, with PostgreSQL's default null order where none is written. */
final class SortKeys {
    private SortKeys() {}

    static SortKey of(RelFieldCollation collation) {
        boolean descending = collation.getDirection().isDescending();
        // PostgreSQL: NULLS LAST ascending, NULLS FIRST descending, unless written otherwise.
        boolean nullsFirst = collation.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
                ? descending : collation.nullDirection == RelFieldCollation.NullDirection.FIRST;
        return new SortKey(collation.getFieldIndex(), descending, nullsFirst);
    }

    static SortKey[] of(List<RelFieldCollation> collations) {
        SortKey[] keys = new SortKey[collations.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = of(collations.get(i));
        }
        return keys;
    }
}
