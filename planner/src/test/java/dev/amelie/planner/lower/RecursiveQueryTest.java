package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.Planner;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * WITH RECURSIVE, planned and run over {@code t (id int primary key, parent int)} holding the
 * tree 1 ← 2 ← 4, 1 ← 3. Every expected answer is what PostgreSQL 15 returns for the same
 * statement on the same rows.
 */
class RecursiveQueryTest {
    private static final TableDef T = new TableDef(1, "public", "t",
            List.of(new ColumnDef("id", SqlType.INTEGER, true), new ColumnDef("parent", SqlType.INTEGER, false)), new int[] {0});

    private Planner planner;
    private ProgramRunner runner;

    @BeforeEach
    void tree() {
        CatalogStore catalog = new CatalogStore();
        catalog.update(c -> c.withTable(new Table(T)));
        planner = new Planner(catalog);
        runner = new ProgramRunner(Map.of(1L, List.of(new Object[] {1, null}, new Object[] {2, 1}, new Object[] {3, 1},
                new Object[] {4, 2})));
    }

    private String run(String sql) {
        PlannedStatement.Query query = (PlannedStatement.Query) planner.plan(sql, new SqlType[0]);
        return runner.run(query.program()).stream().map(Arrays::toString).collect(Collectors.joining(" "));
    }

    private SqlException error(String sql) {
        return assertThrows(SqlException.class, () -> run(sql));
    }

    @Test
    void unionAllRunsTheRecursiveTermUntilATurnProducesNothing() {
        assertEquals("[1] [2] [3] [4] [5]", run("with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select * from r"));
    }

    @Test
    void unionDropsRowsAnyTurnProducedBeforeSoTheCycleEnds() {
        assertEquals("[1] [2] [3]", run("with recursive r(n) as (select 1 union select n % 3 + 1 from r) select * from r"));
        assertEquals("[1] [2]", run("with recursive r(n) as (values (1), (1), (2) union select n from r) select * from r"));
    }

    @Test
    void treeWalkJoinsTheWorkingTableWithTheTablesRowsOnEveryTurn() {
        assertEquals("[2, 1] [3, 1] [4, 2]", run("with recursive sub as (select id, parent from t where parent = 1 union all "
                + "select t.id, t.parent from t join sub on t.parent = sub.id) select * from sub order by id"));
        assertEquals("[1, 0] [2, 1] [3, 1] [4, 2]", run("with recursive w(id, depth) as (select id, 0 from t where parent is null "
                + "union all select t.id, w.depth + 1 from t join w on t.parent = w.id) select * from w order by id"));
    }

    @Test
    void limitWithoutOrderEndsARecursionWithoutEnd() {
        assertEquals("[3] [4] [5]", run("with recursive r(n) as (select 1 union all select n + 1 from r) select * from r limit 3 offset 2"));
    }

    @Test
    void recursiveQueryInsideAnotherOnesTurnStartsAfreshEachTime() {
        assertEquals("[10] [11] [12] [13] [14]", run("with recursive r(n) as (select 1 union all select n + 1 from r where n < 3), "
                + "s(m) as (select 10 union all select m + n from s join r on r.n = 1 where m < 14) select * from s"));
    }

    @Test
    void aWiderRecursiveTermIs42804AtTheNonRecursiveColumn() {
        SqlException e = error("with recursive r(n) as (select 1 union all select n::bigint + 1 from r where n < 3) select * from r");
        assertEquals(SqlState.DATATYPE_MISMATCH, e.state());
        assertEquals("recursive query \"r\" column 1 has type integer in non-recursive term but type bigint overall", e.getMessage());
        assertEquals(32, e.position());
    }

    @Test
    void narrowerRecursiveTermTakesTheNonRecursiveTermsType() {
        assertEquals("[1] [2] [3]", run("with recursive r(n) as (select 1::bigint union all select (n + 1)::int from r where n < 3) select * from r"));
    }

    @Test
    void misplacedReferencesAre42P19AsInPostgres() {
        assertEquals("recursive reference to query \"r\" must not appear within a subquery",
                error("with recursive r(n) as (select 1 union all select n + 1 from r where n in (select n from r)) select * from r").getMessage());
        assertEquals("recursive reference to query \"r\" must not appear within an outer join",
                error("with recursive r(n) as (select 1 union all select r.n + 1 from r left join r r2 on true) select * from r").getMessage());
        assertEquals("recursive reference to query \"r\" must not appear within its non-recursive term",
                error("with recursive r(n) as (select 1 from r union all select 2) select * from r").getMessage());
        assertEquals("aggregate functions are not allowed in a recursive query's recursive term",
                error("with recursive r(n) as (select 1 union all select count(*) from r) select * from r").getMessage());
        SqlException form = error("with recursive r(n) as (select n from r) select * from r");
        assertEquals(SqlState.INVALID_RECURSION, form.state());
        assertEquals(16, form.position());
    }

    @Test
    void withRecursiveWithoutSelfReferenceIsAnOrdinaryWith() {
        assertEquals("[1]", run("with recursive r as (select 1) select * from r"));
    }
}
