package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.Planner;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subqueries, planned and run over two small tables:
 * {@code t (a int primary key, b text)} holding (1,'a'), (2,'b'), (3,NULL), (4,'d') and
 * {@code u (x int primary key, y int)} holding (1,10), (2,NULL), (3,30), (5,50).
 * Every expected answer is what PostgreSQL 15 returns for the same statement on the same rows.
 */
class SubqueryLoweringTest {
    private static final TableDef T = new TableDef(1, "public", "t",
            List.of(new ColumnDef("a", SqlType.INTEGER, true), new ColumnDef("b", SqlType.TEXT, false)), new int[] {0});
    private static final TableDef U = new TableDef(2, "public", "u",
            List.of(new ColumnDef("x", SqlType.INTEGER, true), new ColumnDef("y", SqlType.INTEGER, false)), new int[] {0});

    private Planner planner;
    private ProgramRunner runner;

    @BeforeEach
    void twoTables() {
        CatalogStore catalog = new CatalogStore();
        catalog.update(c -> c.withTable(new Table(T)).withTable(new Table(U)));
        planner = new Planner(catalog);
        runner = new ProgramRunner(Map.of(
                1L, List.of(new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {3, null}, new Object[] {4, "d"}),
                2L, List.of(new Object[] {1, 10}, new Object[] {2, null}, new Object[] {3, 30}, new Object[] {5, 50})));
    }

    @Test
    void uncorrelatedScalarSubqueriesInTheSelectList() {
        assertEquals("[90, 4]", rows("select (select sum(y) from u) s, (select count(*) from t) c"));
        assertEquals("[50, 1] [50, 2] [50, 3] [50, 4]", rows("select (select max(y) from u), a from t order by a"));
    }

    @Test
    void scalarSubqueryInWhereComparesWithEachRow() {
        assertEquals("[3] [4]", rows("select a from t where a > (select min(x) + 1 from u) order by a"));
    }

    @Test
    void avgIsNumericSumOverCountOfValues() {
        assertEquals("[3] [4]", rows("select a from t where a > (select avg(x) from u) order by a"));
        assertEquals("[30.0000000000000000, 2.7500000000000000, 30.0]", rows("select avg(y), avg(x), avg(y::float8) from u"));
        assertEquals("[false, 10.0000000000000000] [true, 40.0000000000000000]",
                rows("select x > 2, avg(y) from u group by x > 2 order by 1"));
    }

    @Test
    void correlatedScalarSubqueryRunsForEveryOuterRow() {
        assertEquals("[1, 10] [2, null] [3, 30] [4, null]", rows("select a, (select y from u where x = a) from t order by a"));
        assertEquals("[1, 0] [2, 1] [3, 2] [4, 3]", rows("select a, (select count(*) from u where x < a) from t order by a"));
    }

    @Test
    void correlatedSubqueryWithOrderByAndLimitStartsAfreshForEveryOuterRow() {
        assertEquals("[1, 10] [2, 30] [3, 30] [4, 50]",
                rows("select a, (select y from u where x >= t.a and y is not null order by y limit 1) from t order by a"));
    }

    @Test
    void scalarSubqueryReturningASecondRowRaises21000() {
        SqlException e = assertThrows(SqlException.class, () -> rows("select (select y from u)"));
        assertEquals(SqlState.CARDINALITY_VIOLATION, e.state());
        assertEquals("more than one row returned by a subquery used as an expression", e.getMessage());
    }

    @Test
    void scalarSubqueryOverNoOuterRowsIsNeverRun() {
        assertEquals("", rows("select a, (select y from u) from t where a > 10"));
    }

    @Test
    void existsAndNotExistsCorrelated() {
        assertEquals("[1] [2] [3]", rows("select a from t where exists (select 1 from u where u.x = t.a) order by a"));
        assertEquals("[4]", rows("select a from t where not exists (select 1 from u where u.x = t.a) order by a"));
    }

    @Test
    void correlatedEqualityFindsTheInnerRowsByHash() {
        Program program = query("select a from t where exists (select 1 from u where u.x = t.a)").program();
        assertTrue(program.merge().disassemble().contains("HASH_PROBE"), program.explain());
        assertEquals("[1, 1] [2, 0] [3, 1] [4, 0]",
                rows("select a, (select count(*) from u where u.y = t.a * 10 and u.x > 0) from t order by a"));
        assertEquals("[1] [2] [4]", rows("select a from t where exists (select 1 from u where u.x = t.a::bigint + 1) order by a"));
        // a NULL outer value matches no row
        assertEquals("[2] [3] [4]", rows("select a from t where not exists (select 1 from u where u.y = nullif(t.a * 10, 30)) order by a"));
    }

    /** The rewrites of the outer query apply inside subqueries too: the comma join becomes a hash join, not a cartesian product. */
    @Test
    void commaJoinInsideACorrelatedSubqueryIsAHashJoin() {
        String sql = "select a from t where exists (select 1 from u u1, u u2 where u1.x = u2.x and u2.y = t.a * 10) order by a";
        String listing = query(sql).program().merge().disassemble();
        assertTrue(listing.contains("HASH_BUILD"), listing);
        assertEquals("[1] [3]", rows(sql));
    }

    @Test
    void existsNestedTwoLevelsReadsBothOuterRows() {
        assertEquals("[1] [2] [3]", rows("select a from t where exists (select 1 from u where exists "
                + "(select 1 from t t3 where t3.a = t.a and t3.a = u.x)) order by a"));
    }

    @Test
    void inAndNotInFollowPostgresNullSemantics() {
        assertEquals("[1] [2] [3]", rows("select a from t where a in (select x from u) order by a"));
        assertEquals("[4]", rows("select a from t where a not in (select x from u) order by a"));
        // u.y holds a NULL: NOT IN is never true
        assertEquals("", rows("select a from t where a not in (select y from u) order by a"));
        assertEquals("[1, true] [2, null] [3, true] [4, null]", rows("select a, a * 10 in (select y from u) from t order by a"));
        assertEquals("[true]", rows("select 1 not in (select y from u where y > 100)"));
    }

    @Test
    void inOverAnUncorrelatedSubqueryProbesAHashOfItsRowsWithTheSameAnswers() {
        Program program = query("select a from t where a in (select x from u)").program();
        assertTrue(program.merge().disassemble().contains("HASH_PROBE"), program.explain());
        assertEquals("[null, false, null]",
                rows("select null::int in (select y from u), null::int in (select y from u where y > 100), null::int not in (select x from u)"));
        // numeric rows against an int: compared one by one, same answers
        assertEquals("[1, true] [2, null] [3, true] [4, null]", rows("select a, a in (select y / 10.0 from u) from t order by a"));
    }

    @Test
    void rowInSubqueryComparesColumnByColumn() {
        assertEquals("[1] [3]", rows("select a from t where (a, a * 10) in (select x, y from u) order by a"));
    }

    @Test
    void anyAndAll() {
        assertEquals("[1, true] [2, true] [3, true] [4, true]", rows("select a, a * 10 >= any (select y from u) from t order by a"));
        assertEquals("", rows("select a from t where a * 10 > all (select y from u where y is not null) order by a"));
        assertEquals("[1] [2]", rows("select a from t where a * 10 < all (select y from u where y > a * 10) and a < 3 order by a"));
    }

    @Test
    void havingComparesGroupsWithASubquery() {
        assertEquals("[a, 1] [b, 1] [d, 1] [null, 1]",
                rows("select b, count(*) from t group by b having count(*) < (select count(*) from u where y > 20) order by b"));
    }

    @Test
    void uncorrelatedSubqueryIsOneSourceProgramAndCorrelatedOneReadsItsTableWhole() {
        Program uncorrelated = query("select a from t where a in (select x from u where y > 10)").program();
        assertEquals(2, uncorrelated.sources().size(), uncorrelated.explain());
        Program correlated = query("select a from t where exists (select 1 from u where u.x = t.a and u.y > 10)").program();
        assertEquals(2, correlated.sources().size(), correlated.explain());
    }

    @Test
    void subqueryColumnsAreNamedAsPostgresNamesThem() {
        assertEquals(List.of("y", "count", "exists", "?column?"), query(
                "select (select y from u limit 1), (select count(*) from u), exists (select 1 from u), a in (select x from u) from t")
                .columns().stream().map(PlannedStatement.ResultColumn::name).toList());
    }

    private String rows(String sql) {
        return runner.run(query(sql).program()).stream().map(Arrays::toString).collect(Collectors.joining(" "));
    }

    private PlannedStatement.Query query(String sql) {
        return (PlannedStatement.Query) planner.plan(sql, new SqlType[0]);
    }
}
