package dev.amelie.planner.relational;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UPDATE … FROM, DELETE … USING, SET (a, b) = … and subqueries in UPDATE and DELETE, as planned. */
class UpdateFromPlanningTest {
    private static final TableDef T = new TableDef(1, "public", "t",
            List.of(new ColumnDef("k", SqlType.INTEGER, true), new ColumnDef("v", SqlType.TEXT, false)), new int[] {0});
    private static final TableDef S = new TableDef(2, "public", "s",
            List.of(new ColumnDef("k", SqlType.INTEGER, false), new ColumnDef("x", SqlType.INTEGER, false)), new int[0]);

    private Planner planner;

    @BeforeEach
    void catalogWithTablesTAndS() {
        CatalogStore catalog = new CatalogStore();
        catalog.update(c -> c.withTable(new Table(T)).withTable(new Table(S)));
        planner = new Planner(catalog);
    }

    private Program program(String sql, SqlType... declared) {
        return ((PlannedStatement.Query) planner.plan(sql, declared)).program();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "update t set v = s.x::text from s where s.k = t.k",
            "update t as a set v = 'y' from s where s.k = a.k and s.x > 1",
            "update t a set v = s.x::text from s join t b on b.k = s.k where b.k = a.k",
            "update t set v = s.x::text from s, t b where s.k = b.k and b.k = t.k - 1",
            "update t set v = (select max(x)::text from s where s.k = t.k)",
            "update t set v = 'z' where k in (select k from s)",
            "delete from t using s where s.k = t.k",
            "delete from t a using s where s.k = a.k and exists (select 1 from s where x = a.k)"})
    void readsItsOtherTablesThroughSourcePrograms(String sql) {
        Program program = program(sql);
        assertTrue(!program.sources().isEmpty(), program.explain());
        assertEquals(T.id(), program.tableId());
    }

    @Test
    void aKeyFixedInTheWhereOfAnUpdateFromStillGoesToOneNode() {
        Program program = program("update t set v = s.x::text from s where t.k = 5 and s.k = t.k");
        assertEquals(Program.Routing.BY_KEY, program.routing(), program.explain());
    }

    @Test
    void parametersAreNumberedInTheOrderOfTheText() {
        var planned = (PlannedStatement.Query) planner.plan(
                "update t set v = $1 from (select k from s where x = $2) as f where f.k = t.k and t.v = $3",
                new SqlType[0]);
        assertArrayEquals(new SqlType[] {SqlType.TEXT, SqlType.INTEGER, SqlType.TEXT}, planned.parameterTypes());
    }

    @Test
    void multipleColumnAssignmentsBecomeOneTargetEach() {
        Program program = program("update t set (k, v) = (select k, x::text from s where s.k = t.k)");
        assertEquals(Program.StatementKind.UPDATE, program.kind());
        assertEquals(Program.Routing.ALL, program.routing());
    }

    @Test
    void theTargetNamedAgainInFromIs42712() {
        SqlException e = assertThrows(SqlException.class, () -> program("update t set v = 'x' from t"));
        assertEquals(SqlState.DUPLICATE_ALIAS, e.state());
        assertEquals("table name \"t\" specified more than once", e.getMessage());
    }

    @Test
    void aMissingColumnOfTheFromTableIs42703AtItsPlace() {
        String sql = "update t set v = s.nope from s where s.k = t.k";
        SqlException e = assertThrows(SqlException.class, () -> program(sql));
        assertEquals(SqlState.UNDEFINED_COLUMN, e.state());
        assertEquals(sql.indexOf("s.nope") + 1, e.position());
    }

    @Test
    void multipleColumnSourcesOfTheWrongWidthAre42601() {
        SqlException rows = assertThrows(SqlException.class, () -> program("update t set (k, v) = (1, 'a', 2)"));
        assertEquals("number of columns does not match number of values", rows.getMessage());
        SqlException query = assertThrows(SqlException.class, () -> program("update t set (k, v) = (select 1)"));
        assertEquals("number of columns does not match number of values", query.getMessage());
        SqlException scalar = assertThrows(SqlException.class, () -> program("update t set (k, v) = k + 1"));
        assertEquals("source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression", scalar.getMessage());
    }
}
