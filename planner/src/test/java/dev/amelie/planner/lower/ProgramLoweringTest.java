package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.Planner;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden programs: the full listing of two small statements, so that any change in lowering
 * shows up in review as a diff of these texts. When a change is intended, read the new listing,
 * check it is right, and paste it here.
 */
class ProgramLoweringTest {
    private Planner planner;

    @BeforeEach
    void catalogWithTableT() {
        CatalogStore catalog = new CatalogStore();
        TableDef t = new TableDef(1, "public", "t",
                List.of(new ColumnDef("a", SqlType.INTEGER, true), new ColumnDef("b", SqlType.TEXT, false)), new int[] {0});
        catalog.update(c -> c.withTable(new Table(t)));
        planner = new Planner(catalog);
    }

    /** Filter and partial count on every node; the host adds the partial counts up. */
    @Test
    void countWithFilterCountsOnTheNodesAndSumsOnTheHost() {
        assertEquals("""
                SELECT table=1 routing=ALL
                pushdown:
                  0 CONST            0 0 0   ; 0
                  1 OPEN             0 0 0
                  2 NEXT             0 10 0
                  3 COLUMN           1 0 0
                  4 COLUMN           2 0 1
                  5 CONST            3 1 0   ; 1
                  6 GREATER          4 1 3
                  7 JUMP_FALSE       4 9 0
                  8 COUNT            0 0 0
                  9 JUMP             2 0 0
                 10 EMIT             0 1 0
                 11 RETURN           0 0 0
                merge:
                  0 CONST            0 0 0   ; 0
                  1 OPEN             0 1 0
                  2 NEXT             0 6 0
                  3 COLUMN           1 0 0
                  4 SUM              0 1 0
                  5 JUMP             2 0 0
                  6 EMIT             0 1 0
                  7 RETURN           0 0 0
                """, explain("select count(*) from t where a > 1"));
    }

    /** The host computes the rows, the executor routes each by key, each node inserts what it gets. */
    @Test
    void insertComputesRowsOnTheHostAndInsertsOnTheOwningNode() {
        assertEquals("""
                INSERT table=1 routing=BY_ROW_KEY
                input:
                  0 CONST            0 0 0   ; 1
                  1 CONST            1 1 0   ; x
                  2 EMIT             0 2 0
                  3 RETURN           0 0 0
                pushdown:
                  0 OPEN             0 1 0
                  1 NEXT             0 6 0
                  2 COLUMN           0 0 0
                  3 COLUMN           1 0 1
                  4 INSERT           0 2 0
                  5 JUMP             1 0 0
                  6 RETURN           0 0 0
                """, explain("insert into t values (1, 'x')"));
    }

    private String explain(String sql) {
        return ((PlannedStatement.Query) planner.plan(sql, new SqlType[0])).program().explain();
    }
}
