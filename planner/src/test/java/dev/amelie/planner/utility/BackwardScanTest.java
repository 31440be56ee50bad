package dev.amelie.planner.utility;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which cursors PostgreSQL 15 lets go backward without SCROLL (checked with FETCH PRIOR there). */
class BackwardScanTest {

    @ParameterizedTest
    @ValueSource(strings = {"select * from t", "select a from t where b > 2 order by a", "select a from t limit 3",
            "values (1), (2)", "select g from generate_series(1, 5) g",
            "with x as (select a from t) select a from x order by a"})
    void scansSortsAndValuesGoBackward(String query) {
        assertTrue(BackwardScan.supports(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"select 1", "select count(*) from t", "select a, sum(b) from t group by a",
            "select distinct a from t", "select * from t join u on t.a = u.a", "select * from t, u",
            "select a from t union select a from u", "select row_number() over () from t", "select * from t for update"})
    void aggregatesJoinsAndResultsWithoutFromDoNot(String query) {
        assertFalse(BackwardScan.supports(query));
    }
}
